using System.Globalization;
using Bansos.Agent.Messages;

namespace Bansos.Agent.Complaints;

/// <summary>
/// What the agent checks before it files, so the operator is asked again at once instead of after
/// a round trip: the complaint service's limits (docs/complaint.md "Filing"). The service checks
/// everything again, and alone knows which districts and villages exist and which households.
/// </summary>
public static class ComplaintInput
{
    public const int MaxDescription = 4000;
    public const int MaxName = 200;

    /// <summary>1–4000 characters after trimming.</summary>
    public static Msg? Description(string? text) =>
        text?.Trim() is { Length: >= 1 and <= MaxDescription } ? null : Msg.ComplaintDescriptionInvalid;

    /// <summary>Required, at most 200 characters.</summary>
    public static Msg? Name(string? text) => text?.Trim() is { Length: >= 1 and <= MaxName } ? null : Msg.ComplaintNameInvalid;

    /// <summary>Empty, or 8–15 digits with an optional leading + (spaces and dashes allowed between).</summary>
    public static Msg? Phone(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var compact = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var digits = compact.StartsWith('+') ? compact[1..] : compact;
        return digits.Length is >= 8 and <= 15 && digits.All(char.IsAsciiDigit) ? null : Msg.ComplaintPhoneInvalid;
    }

    /// <summary>
    /// Empty, or the registry's NIK shape: 16 digits, a real birth date DDMMYY (day + 40 for women)
    /// not after today, serial ≠ 0000. Whether the district exists is the service's check.
    /// </summary>
    public static Msg? Nik(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = text.Trim();
        if (s.Length != 16 || !s.All(char.IsAsciiDigit) || s.AsSpan(12, 4) is "0000") return Msg.ComplaintNikInvalid;
        var day = int.Parse(s.AsSpan(6, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(s.AsSpan(8, 2), CultureInfo.InvariantCulture);
        var yy = int.Parse(s.AsSpan(10, 2), CultureInfo.InvariantCulture);
        if (day > 40) day -= 40;
        if (day < 1 || month is < 1 or > 12) return Msg.ComplaintNikInvalid;
        // Of the two centuries a two-digit year can mean, one must give a real date not in the future.
        foreach (var year in new[] { today.Year / 100 * 100 + yy, (today.Year / 100 - 1) * 100 + yy })
        {
            if (day <= DateTime.DaysInMonth(year, month) && new DateOnly(year, month, day) <= today) return null;
        }
        return Msg.ComplaintNikInvalid;
    }

    /// <summary>A Kemendagri village code, <c>17.03.12.2003</c> or its ten digits; whether it exists is the service's check.</summary>
    public static Msg? Village(string? text)
    {
        var s = text?.Trim() ?? "";
        var digits = s.Replace(".", "", StringComparison.Ordinal);
        var dotted = s.Length == 13 && s[2] == '.' && s[5] == '.' && s[8] == '.';
        return digits.Length == 10 && digits.All(char.IsAsciiDigit) && (dotted || s.Length == 10) ? null : Msg.ComplaintVillageInvalid;
    }
}
