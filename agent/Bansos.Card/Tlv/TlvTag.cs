namespace Bansos.Card.Tlv;

/// <summary>
/// BER-TLV tags held as the unsigned big-endian value of their bytes (<c>9F36</c> → 0x9F36),
/// the way EMV and ISO 7816 write them.
/// </summary>
public static class TlvTag
{
    /// <summary>Tags are at most 3 bytes here; EMV and this profile never use longer ones.</summary>
    public const int MaxTagLength = 3;

    /// <summary>Bit 6 of the first tag byte marks a constructed (nested) data object.</summary>
    public static bool IsConstructed(uint tag) => (FirstByte(tag) & 0x20) != 0;

    public static int EncodedLength(uint tag) => tag switch
    {
        <= 0xFF => 1,
        <= 0xFFFF => 2,
        <= 0xFFFFFF => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(tag), tag, "Tags longer than 3 bytes are not supported."),
    };

    /// <summary>Checks that the tag's bytes form one valid BER tag (so that writing it can be read back).</summary>
    public static bool IsValid(uint tag)
    {
        if (tag > 0xFFFFFF) return false;
        var length = EncodedLength(tag);
        Span<byte> bytes = stackalloc byte[MaxTagLength];
        Write(tag, bytes);
        return TlvReader.TryReadTag(bytes[..length], out var read, out var consumed) && read == tag && consumed == length;
    }

    public static int Write(uint tag, Span<byte> destination)
    {
        var length = EncodedLength(tag);
        for (var i = 0; i < length; i++)
            destination[i] = (byte)(tag >> (8 * (length - 1 - i)));
        return length;
    }

    public static string ToHex(uint tag) => tag.ToString(EncodedLength(tag) switch { 1 => "X2", 2 => "X4", _ => "X6" }, System.Globalization.CultureInfo.InvariantCulture);

    private static byte FirstByte(uint tag) => (byte)(tag >> (8 * (EncodedLength(tag) - 1)));
}
