namespace Bansos.Registry.Domain;

/// <summary>
/// The Luhn (mod 10) check digit. The agent has its own copy in Bansos.Card; the registry must not
/// reference the agent, and the algorithm is a few lines.
/// </summary>
public static class Luhn
{
    /// <summary>The digit to append to <paramref name="payload"/> (decimal digits only).</summary>
    public static char CheckDigit(ReadOnlySpan<char> payload)
    {
        var sum = 0;
        var doubleIt = true; // the rightmost payload digit is doubled once the check digit is appended
        for (var i = payload.Length - 1; i >= 0; i--)
        {
            var d = payload[i] - '0';
            if (d is < 0 or > 9)
            {
                throw new ArgumentException("Only decimal digits have a Luhn check digit.", nameof(payload));
            }

            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    /// <summary>True when <paramref name="number"/> is all digits and its last digit is the Luhn check digit.</summary>
    public static bool IsValid(ReadOnlySpan<char> number)
    {
        if (number.Length < 2)
        {
            return false;
        }

        foreach (var c in number)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return CheckDigit(number[..^1]) == number[^1];
    }
}
