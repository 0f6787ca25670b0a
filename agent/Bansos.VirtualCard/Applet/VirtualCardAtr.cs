namespace Bansos.VirtualCard.Applet;

/// <summary>
/// The virtual card's answer to reset:
/// <c>3B 88 01 80 56 42 41 4E 53 4F 53 5D</c>.
/// <list type="bullet">
/// <item><c>3B</c> TS: direct convention.</item>
/// <item><c>88</c> T0: TD1 follows, 8 historical bytes.</item>
/// <item><c>01</c> TD1: no further interface bytes, protocol T=1 (default IFSC/timings; nothing to negotiate).</item>
/// <item><c>80</c> category indicator: COMPACT-TLV objects follow (ISO 7816-4 §12.1.1).</item>
/// <item><c>56 "BANSOS"</c> tag 5 (card issuer's data), length 6.</item>
/// <item><c>5D</c> TCK: XOR of T0 … last historical byte, required because T=1 is offered.</item>
/// </list>
/// </summary>
public static class VirtualCardAtr
{
    public const string Hex = "3B8801805642414E534F535D";

    public static byte[] Bytes => Build();

    /// <summary>Builds the ATR and its TCK, so that the check byte can never be out of step with the rest.</summary>
    private static byte[] Build()
    {
        byte[] historical = [0x80, 0x56, (byte)'B', (byte)'A', (byte)'N', (byte)'S', (byte)'O', (byte)'S'];
        var atr = new List<byte> { 0x3B, (byte)(0x80 | historical.Length), 0x01 };
        atr.AddRange(historical);
        byte tck = 0;
        for (var i = 1; i < atr.Count; i++) tck ^= atr[i];
        atr.Add(tck);
        return [.. atr];
    }
}
