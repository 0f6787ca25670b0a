using Bansos.Card;
using Bansos.Card.Crypto;
using Google.Protobuf;

namespace Bansos.Payout.Tests.Support;

/// <summary>An aid card without PC/SC: its number, K_card and ATC, computing cryptograms as the applet does.</summary>
public sealed class SimulatedCard(CardNumber number, byte[] cardKey, Guid cardId, Guid householdId)
{
    private int atc;

    public CardNumber Number { get; } = number;

    public Guid CardId { get; } = cardId;

    public Guid HouseholdId { get; } = householdId;

    public byte[] CardKey { get; } = cardKey;

    public int LastAtc => atc;

    /// <summary>Increments the ATC (first is 1) and signs, as GENERATE CRYPTOGRAM does.</summary>
    public (int Atc, ByteString Cryptogram) Generate(long amount, uint periodId, long terminalId, ByteString challenge)
    {
        var next = Interlocked.Increment(ref atc);
        return (next, Sign(next, amount, periodId, terminalId, challenge));
    }

    /// <summary>A cryptogram for a chosen ATC (replays, reordering).</summary>
    public ByteString Sign(int withAtc, long amount, uint periodId, long terminalId, ByteString challenge) =>
        ByteString.CopyFrom(Cryptogram.Compute(CardKey, Number, (ushort)withAtc,
            new CryptogramData(amount, periodId, (ulong)terminalId, challenge.Span)));

    public static CardNumber NewNumber()
    {
        var digits = "99" + string.Concat(Enumerable.Range(0, 13).Select(_ => (char)('0' + Random.Shared.Next(10))));
        return CardNumber.Parse(digits + Luhn.ComputeCheckDigit(digits));
    }
}
