namespace Bansos.Card.Tlv;

/// <summary>
/// Reads BER-TLV as ISO 7816 and EMV use it: tags of 1–3 bytes, definite lengths of one byte
/// (≤ 127), <c>81 xx</c> or <c>82 xx xx</c>, constructed objects parsed recursively.
/// Every malformation (truncation, indefinite or overlong length, too deep nesting) is a
/// <see cref="TlvFormatException"/>; indexing never runs past the input.
/// </summary>
public static class TlvReader
{
    public const int MaxLength = 0xFFFF;

    /// <summary>Real card data nests two or three levels; a bound keeps hostile input off the stack.</summary>
    public const int MaxDepth = 16;

    /// <summary>Parses a sequence of data objects that must fill the input exactly.</summary>
    public static IReadOnlyList<TlvObject> ParseAll(ReadOnlyMemory<byte> input) =>
        TryParseAll(input, out var objects, out var error) ? objects : throw new TlvFormatException(error);

    /// <summary>Parses exactly one data object spanning the whole input.</summary>
    public static TlvObject ParseSingle(ReadOnlyMemory<byte> input)
    {
        var objects = ParseAll(input);
        return objects.Count == 1
            ? objects[0]
            : throw new TlvFormatException($"Expected one data object, found {objects.Count}.");
    }

    public static bool TryParseAll(ReadOnlyMemory<byte> input, [NotNullWhen(true)] out IReadOnlyList<TlvObject>? objects, [NotNullWhen(false)] out string? error) =>
        TryParseSequence(input, 0, out objects, out error);

    /// <summary>Reads one tag from the start of <paramref name="input"/>.</summary>
    public static bool TryReadTag(ReadOnlySpan<byte> input, out uint tag, out int consumed)
    {
        tag = 0;
        consumed = 0;
        if (input.IsEmpty) return false;
        tag = input[0];
        consumed = 1;
        if ((input[0] & 0x1F) != 0x1F) return true;
        // Multi-byte tag: subsequent bytes continue while bit 8 is set.
        while (true)
        {
            if (consumed >= input.Length || consumed >= TlvTag.MaxTagLength) return false;
            var b = input[consumed++];
            tag = (tag << 8) | b;
            if ((b & 0x80) == 0) return true;
        }
    }

    /// <summary>Reads one definite BER length from the start of <paramref name="input"/>.</summary>
    public static bool TryReadLength(ReadOnlySpan<byte> input, out int length, out int consumed)
    {
        length = 0;
        consumed = 0;
        if (input.IsEmpty) return false;
        var first = input[0];
        if (first < 0x80)
        {
            length = first;
            consumed = 1;
            return true;
        }
        var count = first & 0x7F;
        // 80 is the indefinite form (not allowed in ISO 7816 / EMV); more than 2 length bytes is beyond short APDUs.
        if (count is 0 or > 2 || input.Length < 1 + count) return false;
        for (var i = 1; i <= count; i++) length = (length << 8) | input[i];
        consumed = 1 + count;
        return true;
    }

    private static bool TryParseSequence(ReadOnlyMemory<byte> input, int depth, [NotNullWhen(true)] out IReadOnlyList<TlvObject>? objects, [NotNullWhen(false)] out string? error)
    {
        objects = null;
        if (depth > MaxDepth)
        {
            error = $"TLV nesting deeper than {MaxDepth} levels.";
            return false;
        }
        var list = new List<TlvObject>();
        var offset = 0;
        while (offset < input.Length)
        {
            var span = input.Span[offset..];
            if (!TryReadTag(span, out var tag, out var tagLength))
            {
                error = $"Truncated or over-long tag at offset {offset}.";
                return false;
            }
            if (!TryReadLength(span[tagLength..], out var length, out var lengthLength))
            {
                error = $"Missing or unsupported length for tag {TlvTag.ToHex(tag)} at offset {offset}.";
                return false;
            }
            var valueStart = offset + tagLength + lengthLength;
            if (length > input.Length - valueStart)
            {
                error = $"Tag {TlvTag.ToHex(tag)} at offset {offset} claims {length} bytes, only {input.Length - valueStart} remain.";
                return false;
            }
            var value = input.Slice(valueStart, length);
            IReadOnlyList<TlvObject> children = [];
            if (TlvTag.IsConstructed(tag))
            {
                if (!TryParseSequence(value, depth + 1, out var nested, out var nestedError))
                {
                    error = $"In {TlvTag.ToHex(tag)}: {nestedError}";
                    return false;
                }
                children = nested;
            }
            list.Add(TlvObject.FromParsed(tag, value, children));
            offset = valueStart + length;
        }
        objects = list;
        error = null;
        return true;
    }
}
