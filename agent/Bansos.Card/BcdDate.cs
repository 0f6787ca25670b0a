namespace Bansos.Card;

/// <summary>Dates as 3 bytes of packed BCD <c>YYMMDD</c> (tag 5F24), years 2000–2099.</summary>
public static class BcdDate
{
    public const int Length = 3;

    public static byte[] Encode(DateOnly date)
    {
        if (date.Year is < 2000 or > 2099)
            throw new ArgumentOutOfRangeException(nameof(date), date, "YYMMDD holds the years 2000-2099 only.");
        return [ToBcd(date.Year - 2000), ToBcd(date.Month), ToBcd(date.Day)];
    }

    public static bool TryDecode(ReadOnlySpan<byte> bytes, out DateOnly date)
    {
        date = default;
        if (bytes.Length != Length) return false;
        if (!TryFromBcd(bytes[0], out var yy) || !TryFromBcd(bytes[1], out var mm) || !TryFromBcd(bytes[2], out var dd)) return false;
        if (mm is < 1 or > 12 || dd < 1 || dd > DateTime.DaysInMonth(2000 + yy, mm)) return false;
        date = new DateOnly(2000 + yy, mm, dd);
        return true;
    }

    private static byte ToBcd(int value) => (byte)(((value / 10) << 4) | (value % 10));

    private static bool TryFromBcd(byte b, out int value)
    {
        int hi = b >> 4, lo = b & 0x0F;
        value = (hi * 10) + lo;
        return hi <= 9 && lo <= 9;
    }
}
