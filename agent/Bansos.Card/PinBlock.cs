namespace Bansos.Card;

/// <summary>
/// ISO 9564 format-2 blocks (8 bytes): control nibble 2, length nibble, the digits packed BCD,
/// padded with F. The PIN is 6 digits (<c>26 12 34 56 FF FF FF FF</c>), the PUK 8
/// (<c>28 xx xx xx xx FF FF FF</c>).
/// </summary>
public static class PinBlock
{
    public const int Length = 8;
    public const int PinDigits = 6;
    public const int PukDigits = 8;

    /// <summary>ISO 9564 allows 4 to 12 digits in format 2.</summary>
    private const int MinDigits = 4;
    private const int MaxDigits = 12;

    public static bool IsValidPin([NotNullWhen(true)] string? pin) => IsDigits(pin, PinDigits);

    public static bool IsValidPuk([NotNullWhen(true)] string? puk) => IsDigits(puk, PukDigits);

    public static byte[] FromPin(string pin) =>
        IsValidPin(pin) ? Encode(pin) : throw new ArgumentException("PIN harus 6 angka (the PIN must be 6 digits).", nameof(pin));

    public static byte[] FromPuk(string puk) =>
        IsValidPuk(puk) ? Encode(puk) : throw new ArgumentException("PUK harus 8 angka (the PUK must be 8 digits).", nameof(puk));

    /// <summary>Encodes 4–12 digits as a format-2 block.</summary>
    public static byte[] Encode(string digits)
    {
        if (!IsDigits(digits, digits?.Length ?? 0) || digits!.Length is < MinDigits or > MaxDigits)
            throw new ArgumentException("A format-2 block holds 4 to 12 digits.", nameof(digits));
        var block = new byte[Length];
        block.AsSpan().Fill(0xFF);
        block[0] = (byte)(0x20 | digits.Length);
        for (var i = 0; i < digits.Length; i++)
        {
            var nibble = digits[i] - '0';
            var index = 1 + (i / 2);
            block[index] = i % 2 == 0
                ? (byte)((nibble << 4) | 0x0F)
                : (byte)((block[index] & 0xF0) | nibble);
        }
        return block;
    }

    /// <summary>Reads any well-formed format-2 block: control 2, length 4–12, BCD digits, every other nibble F.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> block, [NotNullWhen(true)] out string? digits)
    {
        digits = null;
        if (block.Length != Length || block[0] >> 4 != 2) return false;
        var count = block[0] & 0x0F;
        if (count is < MinDigits or > MaxDigits) return false;
        Span<char> chars = stackalloc char[MaxDigits];
        for (var i = 0; i < 14; i++)
        {
            var b = block[1 + (i / 2)];
            var nibble = i % 2 == 0 ? b >> 4 : b & 0x0F;
            if (i < count)
            {
                if (nibble > 9) return false;
                chars[i] = (char)('0' + nibble);
            }
            else if (nibble != 0x0F) return false;
        }
        digits = new string(chars[..count]);
        return true;
    }

    public static bool TryDecodePin(ReadOnlySpan<byte> block, [NotNullWhen(true)] out string? pin) =>
        TryDecode(block, out pin) && pin.Length == PinDigits || Fail(out pin);

    public static bool TryDecodePuk(ReadOnlySpan<byte> block, [NotNullWhen(true)] out string? puk) =>
        TryDecode(block, out puk) && puk.Length == PukDigits || Fail(out puk);

    public static bool IsValidPinBlock(ReadOnlySpan<byte> block) => TryDecodePin(block, out _);

    private static bool Fail(out string? value)
    {
        value = null;
        return false;
    }

    private static bool IsDigits([NotNullWhen(true)] string? s, int length)
    {
        if (s is null || s.Length != length) return false;
        foreach (var c in s)
            if (c is < '0' or > '9') return false;
        return true;
    }
}
