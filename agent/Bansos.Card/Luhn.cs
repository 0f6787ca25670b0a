namespace Bansos.Card;

/// <summary>Luhn (mod 10) check digits, as used by the 16-digit aid-card number.</summary>
public static class Luhn
{
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length < 2) return false;
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var c = digits[digits.Length - 1 - i];
            if (c is < '0' or > '9') return false;
            var d = c - '0';
            if (i % 2 == 1) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
