namespace Bansos.Card.Tlv;

/// <summary>Writes BER-TLV with the shortest length form (≤ 127 one byte, then <c>81 xx</c>, <c>82 xx xx</c>).</summary>
public sealed class TlvWriter
{
    private readonly List<byte> buffer = [];

    public int Length => buffer.Count;

    public TlvWriter Write(uint tag, ReadOnlySpan<byte> value)
    {
        if (!TlvTag.IsValid(tag))
            throw new ArgumentException($"0x{tag:X} is not a valid BER-TLV tag of at most 3 bytes.", nameof(tag));
        if (value.Length > TlvReader.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(value), value.Length, "Values longer than 65535 bytes are not supported.");
        Span<byte> header = stackalloc byte[TlvTag.MaxTagLength + 3];
        var n = TlvTag.Write(tag, header);
        n += WriteLength(value.Length, header[n..]);
        buffer.AddRange(header[..n]);
        buffer.AddRange(value);
        return this;
    }

    public TlvWriter Write(TlvObject tlv) => Write(tlv.Tag, tlv.Value.Span);

    /// <summary>Writes a constructed object whose content <paramref name="content"/> writes.</summary>
    public TlvWriter WriteConstructed(uint tag, Action<TlvWriter> content)
    {
        if (!TlvTag.IsConstructed(tag))
            throw new ArgumentException($"Tag {TlvTag.ToHex(tag)} is primitive.", nameof(tag));
        var inner = new TlvWriter();
        content(inner);
        return Write(tag, inner.ToArray());
    }

    public byte[] ToArray() => [.. buffer];

    public static int EncodedLengthSize(int length) => length switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(length)),
        <= 0x7F => 1,
        <= 0xFF => 2,
        <= TlvReader.MaxLength => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(length)),
    };

    private static int WriteLength(int length, Span<byte> destination)
    {
        switch (EncodedLengthSize(length))
        {
            case 1:
                destination[0] = (byte)length;
                return 1;
            case 2:
                destination[0] = 0x81;
                destination[1] = (byte)length;
                return 2;
            default:
                destination[0] = 0x82;
                destination[1] = (byte)(length >> 8);
                destination[2] = (byte)length;
                return 3;
        }
    }
}
