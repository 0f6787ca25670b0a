namespace Bansos.Complaint.Domain;

/// <summary>
/// Due times and SLA states. A ticket of N days filed on WIB day D is due at the end of day D + N
/// (00:00 WIB of D + N + 1): what the posko means by "within three days", whatever the hour of filing.
/// </summary>
public sealed class SlaPolicy(ComplaintOptions options)
{
    public DateTimeOffset DueAt(ComplaintCategory category, DateTimeOffset filedAt) =>
        Wib.StartOf(Wib.DateOf(filedAt).AddDays(options.Sla.For(category) + 1)).ToUniversalTime();

    /// <summary>
    /// Open: breached past <paramref name="dueAt"/>, at risk with less than a quarter of the whole span
    /// left, on time otherwise. Closed: met when closed by the due time, breached after it.
    /// </summary>
    public static SlaState StateOf(DateTimeOffset filedAt, DateTimeOffset dueAt, DateTimeOffset? closedAt, DateTimeOffset now)
    {
        if (closedAt is { } closed)
        {
            return closed <= dueAt ? SlaState.Met : SlaState.Breached;
        }

        if (now > dueAt)
        {
            return SlaState.Breached;
        }

        var span = dueAt - filedAt;
        return (dueAt - now) * 4 < span ? SlaState.AtRisk : SlaState.OnTime;
    }

    /// <summary>The moment an open ticket filed at <paramref name="filedAt"/> becomes at risk (a quarter of its span before it is due).</summary>
    public static DateTimeOffset AtRiskFrom(DateTimeOffset filedAt, DateTimeOffset dueAt) => dueAt - ((dueAt - filedAt) / 4);
}
