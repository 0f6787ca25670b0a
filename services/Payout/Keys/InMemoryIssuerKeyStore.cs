using Bansos.Card.Crypto;

namespace Bansos.Payout.Keys;

/// <summary>An IMK given directly: tests and tools (the docs/card-profile.md vector's IMK, for instance).</summary>
public sealed class InMemoryIssuerKeyStore : IssuerMasterKey
{
    private readonly byte[] key;

    public InMemoryIssuerKeyStore(ReadOnlySpan<byte> issuerMasterKey)
    {
        if (issuerMasterKey.Length != CardKeys.KeyLength)
        {
            throw new ArgumentException("The IMK is AES-128 (16 bytes).", nameof(issuerMasterKey));
        }

        key = issuerMasterKey.ToArray();
    }

    protected override ReadOnlySpan<byte> Key => key;
}
