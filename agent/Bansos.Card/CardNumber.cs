namespace Bansos.Card;

/// <summary>
/// A 16-digit aid-card number with a Luhn check digit, stored on the card as 8 bytes of packed
/// BCD (tag <c>5A</c>). A value can only be made valid; <c>default</c> is not a card number.
/// </summary>
public readonly record struct CardNumber
{
    public const int DigitCount = 16;
    public const int BcdLength = 8;

    private readonly string? digits;

    private CardNumber(string digits) => this.digits = digits;

    /// <summary>The 16 digits; empty for <c>default</c>.</summary>
    public string Digits => digits ?? "";

    public static CardNumber Parse(string digits) =>
        TryParse(digits, out var number)
            ? number
            : throw new FormatException("Nomor kartu harus 16 angka dengan digit kontrol Luhn yang benar (card number must be 16 digits with a valid Luhn check digit).");

    public static bool TryParse([NotNullWhen(true)] string? digits, out CardNumber number)
    {
        number = default;
        if (digits is null || digits.Length != DigitCount || !Luhn.IsValid(digits)) return false;
        number = new CardNumber(digits);
        return true;
    }

    /// <summary>Reads 8 BCD bytes; throws <see cref="CardDataFormatException"/> on a non-digit nibble or a bad check digit.</summary>
    public static CardNumber FromBcd(ReadOnlySpan<byte> bcd) =>
        TryFromBcd(bcd, out var number)
            ? number
            : throw new CardDataFormatException($"Not an 8-byte BCD card number with a valid Luhn digit: {Convert.ToHexString(bcd)}.");

    public static bool TryFromBcd(ReadOnlySpan<byte> bcd, out CardNumber number)
    {
        number = default;
        if (bcd.Length != BcdLength) return false;
        Span<char> digits = stackalloc char[DigitCount];
        for (var i = 0; i < BcdLength; i++)
        {
            int hi = bcd[i] >> 4, lo = bcd[i] & 0x0F;
            if (hi > 9 || lo > 9) return false;
            digits[2 * i] = (char)('0' + hi);
            digits[(2 * i) + 1] = (char)('0' + lo);
        }
        return TryParse(new string(digits), out number);
    }

    public byte[] ToBcd()
    {
        var bytes = new byte[BcdLength];
        WriteBcd(bytes);
        return bytes;
    }

    public void WriteBcd(Span<byte> destination)
    {
        if (digits is null) throw new InvalidOperationException("default(CardNumber) is not a card number.");
        for (var i = 0; i < BcdLength; i++)
            destination[i] = (byte)(((digits[2 * i] - '0') << 4) | (digits[(2 * i) + 1] - '0'));
    }

    /// <summary>First 6 and last 4 digits, for logs and receipts (<c>990017******0011</c>).</summary>
    public string ToMaskedString() => digits is null ? "" : string.Concat(digits.AsSpan(0, 6), "******", digits.AsSpan(12));

    public override string ToString() => Digits;
}
