using System.Globalization;

namespace Bansos.Agent.Messages;

/// <summary>Whole rupiah as operators write them: <c>Rp 200.000</c> (Indonesian thousands separators).</summary>
public static class Rupiah
{
    private static readonly NumberFormatInfo IndonesianNumbers = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };

    public static string Format(long amount) => (amount < 0 ? "-Rp " : "Rp ") + Math.Abs(amount).ToString("#,0", IndonesianNumbers);

    /// <summary>
    /// Reads what an operator types: <c>150000</c>, <c>150.000</c>, <c>Rp 150.000</c>. Dots are
    /// thousands separators only (rupiah have no cents), so a dot must be followed by three digits.
    /// </summary>
    public static bool TryParse(string? text, out long amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        if (t.StartsWith("Rp", StringComparison.OrdinalIgnoreCase)) t = t[2..].TrimStart();
        var groups = t.Split('.');
        if (groups.Length > 1 && (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3))) return false;
        var digits = string.Concat(groups);
        return digits.Length is > 0 and <= 15 && digits.All(char.IsAsciiDigit)
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out amount);
    }
}
