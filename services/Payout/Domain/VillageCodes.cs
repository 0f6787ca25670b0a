using System.Text.RegularExpressions;

namespace Bansos.Payout.Domain;

/// <summary>Kemendagri village codes as the registry sends them: <c>17.03.12.2003</c>.</summary>
public static partial class VillageCodes
{
    public static bool IsValid(string? code) => code is not null && Pattern().IsMatch(code);

    [GeneratedRegex(@"^\d{2}\.\d{2}\.\d{2}\.\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
