namespace Bansos.Payout.Domain;

/// <summary>
/// Business days are the province's (WIB, UTC+7, no daylight saving): reversals, settlements,
/// reports and period windows all count days this way, whatever the server's zone.
/// </summary>
public static class BusinessCalendar
{
    public static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public const string DateFormat = "yyyy-MM-dd";

    public static DateOnly BusinessDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Wib).DateTime);

    public static string Format(DateOnly date) => date.ToString(DateFormat, System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out date);
}
