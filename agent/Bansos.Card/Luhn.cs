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

    /// <summary>The digit to append to <paramref name="payload"/> so that the whole number passes <see cref="IsValid"/>.</summary>
    public static char ComputeCheckDigit(ReadOnlySpan<char> payload)
    {
        if (payload.IsEmpty) throw new ArgumentException("At least one digit is needed.", nameof(payload));
        var sum = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            var c = payload[payload.Length - 1 - i];
            if (c is < '0' or > '9') throw new ArgumentException("Only the digits 0-9 are allowed.", nameof(payload));
            var d = c - '0';
            // The check digit will take position 0 from the right, so the payload's rightmost digit is doubled.
            if (i % 2 == 0) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return (char)('0' + ((10 - (sum % 10)) % 10));
    }
}
