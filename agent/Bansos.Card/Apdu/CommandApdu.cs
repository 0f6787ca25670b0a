namespace Bansos.Card.Apdu;

/// <summary>
/// An ISO 7816-4 command APDU with short lengths only (Lc 1..255, Le 1..256): the profile never
/// needs extended lengths and a JavaCard implementation should not have to support them.
/// </summary>
/// <remarks>
/// <see cref="Le"/> holds Ne, the number of bytes expected: <c>null</c> when the command has no Le
/// field, 256 when the Le byte is <c>00</c>.
/// </remarks>
public sealed class CommandApdu
{
    public const int MaxDataLength = 255;
    public const int MaxLe = 256;

    private readonly byte[] data;

    public CommandApdu(byte cla, byte ins, byte p1, byte p2, ReadOnlySpan<byte> data = default, int? le = null)
    {
        if (data.Length > MaxDataLength)
            throw new ArgumentOutOfRangeException(nameof(data), data.Length, "Short APDUs carry at most 255 data bytes.");
        if (le is < 1 or > MaxLe)
            throw new ArgumentOutOfRangeException(nameof(le), le, "Le must be 1..256 (256 is encoded as 00) or absent.");
        Cla = cla;
        Ins = ins;
        P1 = p1;
        P2 = p2;
        this.data = data.ToArray();
        Le = le;
    }

    public byte Cla { get; }
    public byte Ins { get; }
    public byte P1 { get; }
    public byte P2 { get; }
    public ReadOnlyMemory<byte> Data => data;

    /// <summary>Ne: expected response length, 1..256, or null when there is no Le field.</summary>
    public int? Le { get; }

    /// <summary>ISO 7816-3 case: 1 (header), 2 (Le), 3 (Lc data), 4 (Lc data Le).</summary>
    public int Case => (data.Length > 0, Le.HasValue) switch
    {
        (false, false) => 1,
        (false, true) => 2,
        (true, false) => 3,
        (true, true) => 4,
    };

    public byte[] Encode()
    {
        var length = 4 + (data.Length > 0 ? 1 + data.Length : 0) + (Le.HasValue ? 1 : 0);
        var bytes = new byte[length];
        bytes[0] = Cla;
        bytes[1] = Ins;
        bytes[2] = P1;
        bytes[3] = P2;
        var i = 4;
        if (data.Length > 0)
        {
            bytes[i++] = (byte)data.Length;
            data.CopyTo(bytes, i);
            i += data.Length;
        }
        if (Le is { } le) bytes[i] = (byte)(le == MaxLe ? 0 : le);
        return bytes;
    }

    /// <summary>Parses a short-length command APDU; throws <see cref="ApduFormatException"/> otherwise.</summary>
    public static CommandApdu Parse(ReadOnlySpan<byte> bytes) =>
        TryParse(bytes, out var apdu, out var error) ? apdu : throw new ApduFormatException(error);

    public static bool TryParse(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out CommandApdu? apdu, [NotNullWhen(false)] out string? error)
    {
        apdu = null;
        if (bytes.Length < 4)
        {
            error = $"A command APDU has at least 4 header bytes, got {bytes.Length}.";
            return false;
        }
        var (cla, ins, p1, p2) = (bytes[0], bytes[1], bytes[2], bytes[3]);
        var body = bytes[4..];
        switch (body.Length)
        {
            case 0:
                apdu = new CommandApdu(cla, ins, p1, p2);
                break;
            case 1:
                apdu = new CommandApdu(cla, ins, p1, p2, le: DecodeLe(body[0]));
                break;
            default:
                var lc = body[0];
                if (lc == 0)
                {
                    // 00 followed by more bytes would start an extended length, which the profile does not use.
                    error = "Extended-length APDUs are not supported.";
                    return false;
                }
                if (body.Length == 1 + lc)
                    apdu = new CommandApdu(cla, ins, p1, p2, body.Slice(1, lc));
                else if (body.Length == 2 + lc)
                    apdu = new CommandApdu(cla, ins, p1, p2, body.Slice(1, lc), DecodeLe(body[^1]));
                else
                {
                    error = $"Lc says {lc} data bytes but the body after the header has {body.Length} bytes.";
                    return false;
                }
                break;
        }
        error = null;
        return true;
    }

    public override string ToString() => Convert.ToHexString(Encode());

    private static int DecodeLe(byte le) => le == 0 ? MaxLe : le;
}
