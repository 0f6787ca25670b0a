using Bansos.Card;
using Bansos.Card.Crypto;

namespace Bansos.Payout.Keys;

/// <summary>Derivations from an IMK held in memory: shared by the file store and the tests' in-memory store.</summary>
public abstract class IssuerMasterKey : IIssuerKeyStore
{
    protected abstract ReadOnlySpan<byte> Key { get; }

    public byte[] DeriveCardKey(CardNumber cardNumber) => CardKeys.DeriveCardKey(Key, cardNumber);

    public byte[] DeriveServiceKey(string label) => Sp800108Kdf.Derive(Key, label, [], 256);
}
