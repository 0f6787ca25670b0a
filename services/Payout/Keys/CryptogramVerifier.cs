using Bansos.Card;
using Bansos.Card.Crypto;

namespace Bansos.Payout.Keys;

/// <summary>
/// Recomputes a card's payout cryptogram (docs/card-profile.md) from what the service knows: the amount
/// and period asked for, the calling terminal, the challenge it issued, and the card's ATC.
/// </summary>
public sealed class CryptogramVerifier(CardKeyCache keys)
{
    public bool Verify(CardNumber cardNumber, ushort atc, long amount, uint periodId, ulong terminalId,
        ReadOnlySpan<byte> challenge, ReadOnlySpan<byte> cryptogram)
    {
        if (amount < 0 || challenge.Length != CryptogramData.ChallengeLength || cryptogram.Length != Cryptogram.Length)
        {
            return false;
        }

        var data = new CryptogramData(amount, periodId, terminalId, challenge);
        return Cryptogram.Verify(keys.Get(cardNumber), cardNumber, atc, data, cryptogram);
    }
}
