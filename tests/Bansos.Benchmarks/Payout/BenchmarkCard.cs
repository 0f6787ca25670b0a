using Bansos.Card;
using Bansos.Card.Crypto;
using Google.Protobuf;

namespace Bansos.Benchmarks.Payout;

/// <summary>A simulated aid card: its number, K_card and ATC; signs cryptograms as the applet does (no PC/SC).</summary>
internal sealed class BenchmarkCard(CardNumber number, byte[] cardKey)
{
    private ushort atc;

    public CardNumber Number { get; } = number;

    public string Digits { get; } = number.Digits;

    /// <summary>GENERATE CRYPTOGRAM: the ATC goes up first, then the MAC over it.</summary>
    public (uint Atc, ByteString Cryptogram) Generate(long amount, uint periodId, long terminalId, ByteString challenge)
    {
        atc++;
        var mac = Cryptogram.Compute(cardKey, Number, atc, new CryptogramData(amount, periodId, (ulong)terminalId, challenge.Span));
        return (atc, UnsafeByteOperations.UnsafeWrap(mac));
    }

    public static CardNumber NumberFor(int index)
    {
        var payload = "98" + index.ToString("D13", System.Globalization.CultureInfo.InvariantCulture);
        return CardNumber.Parse(payload + Luhn.ComputeCheckDigit(payload));
    }
}
