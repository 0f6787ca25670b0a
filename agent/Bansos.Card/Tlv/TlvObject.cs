namespace Bansos.Card.Tlv;

/// <summary>
/// One BER-TLV data object. A constructed object (tag bit 6 set, e.g. <c>6F</c>, <c>A5</c>,
/// <c>77</c>) carries its parsed children; its <see cref="Value"/> is their encoding.
/// </summary>
public sealed class TlvObject
{
    private TlvObject(uint tag, ReadOnlyMemory<byte> value, IReadOnlyList<TlvObject> children)
    {
        Tag = tag;
        Value = value;
        Children = children;
    }

    public uint Tag { get; }
    public ReadOnlyMemory<byte> Value { get; }
    public IReadOnlyList<TlvObject> Children { get; }
    public bool IsConstructed => TlvTag.IsConstructed(Tag);

    public static TlvObject Primitive(uint tag, ReadOnlySpan<byte> value)
    {
        EnsureTag(tag);
        if (TlvTag.IsConstructed(tag))
            throw new ArgumentException($"Tag {TlvTag.ToHex(tag)} is constructed; use Constructed().", nameof(tag));
        if (value.Length > TlvReader.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(value), value.Length, "Values longer than 65535 bytes are not supported.");
        return new TlvObject(tag, value.ToArray(), []);
    }

    public static TlvObject Constructed(uint tag, params IEnumerable<TlvObject> children)
    {
        EnsureTag(tag);
        if (!TlvTag.IsConstructed(tag))
            throw new ArgumentException($"Tag {TlvTag.ToHex(tag)} is primitive; use Primitive().", nameof(tag));
        var list = children.ToArray();
        var writer = new TlvWriter();
        foreach (var child in list) writer.Write(child);
        return new TlvObject(tag, writer.ToArray(), list);
    }

    /// <summary>Used by the reader, which has already checked the bytes.</summary>
    internal static TlvObject FromParsed(uint tag, ReadOnlyMemory<byte> value, IReadOnlyList<TlvObject> children) =>
        new(tag, value, children);

    /// <summary>The first child with this tag, or null.</summary>
    public TlvObject? Find(uint tag)
    {
        foreach (var child in Children)
            if (child.Tag == tag) return child;
        return null;
    }

    public byte[] Encode()
    {
        var writer = new TlvWriter();
        writer.Write(this);
        return writer.ToArray();
    }

    public override string ToString() => $"{TlvTag.ToHex(Tag)} {Value.Length:X2} {Convert.ToHexString(Value.Span)}";

    private static void EnsureTag(uint tag)
    {
        if (!TlvTag.IsValid(tag))
            throw new ArgumentException($"0x{tag:X} is not a valid BER-TLV tag of at most 3 bytes.", nameof(tag));
    }
}
