namespace Bansos.Complaint.Domain;

/// <summary>Western Indonesia Time (UTC+7, no daylight saving): the pilot's calendar for ticket years, SLA days and date filters.</summary>
public static class Wib
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>00:00 WIB of <paramref name="date"/>, as an instant.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), Offset);
}
