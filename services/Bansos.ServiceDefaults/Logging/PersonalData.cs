using System.Text;
using System.Text.RegularExpressions;

namespace Bansos.ServiceDefaults.Logging;

/// <summary>
/// Masks personal data in free text: every 16-digit run (NIK, KK, card number; also written in
/// groups of four) keeps its first 6 digits — the district code, useful when reading logs — and
/// Indonesian mobile numbers keep their last 3 digits. The console log formatter applies this
/// to every line; code that builds messages for people may call it too.
/// </summary>
public static partial class PersonalData
{
    public const string NikMask = "**********";

    /// <summary>Masks every 16-digit number in <paramref name="text"/>: 1703120101900001 → 170312**********.</summary>
    public static string MaskNik(string text)
    {
        if (string.IsNullOrEmpty(text) || !ContainsDigitRun(text, 4))
        {
            return text;
        }

        return SixteenDigits().Replace(text, match =>
        {
            var digits = Digits(match.Value);
            return digits[..6] + NikMask;
        });
    }

    /// <summary>Masks Indonesian mobile numbers (08…, +628…, 628…): 081234567890 → *********890.</summary>
    public static string MaskPhone(string text)
    {
        if (string.IsNullOrEmpty(text) || !ContainsDigitRun(text, 3))
        {
            return text;
        }

        return Phone().Replace(text, match =>
        {
            var digits = Digits(match.Value);
            return new string('*', digits.Length - 3) + digits[^3..];
        });
    }

    /// <summary>All masks: what the log formatter does to each line.</summary>
    public static string Mask(string text) => MaskPhone(MaskNik(text));

    private static string Digits(string value)
    {
        var digits = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
        }

        return digits.ToString();
    }

    /// <summary>A cheap pre-check so lines without long numbers skip the regexes.</summary>
    private static bool ContainsDigitRun(string text, int length)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run >= length)
            {
                return true;
            }
        }

        return false;
    }

    // 16 digits not touching other digits, or four groups of four joined by one space or dash.
    [GeneratedRegex(@"(?<!\d)(?:\d{16}|\d{4}(?:[ -]\d{4}){3})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex SixteenDigits();

    // 08 or +62 8 / 62 8, then 7–11 more digits, optionally grouped by spaces or dashes.
    [GeneratedRegex(@"(?<![\d+])(?:\+62[ -]?|62|0)8(?:[ -]?\d){7,11}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
