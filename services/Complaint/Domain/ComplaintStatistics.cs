namespace Bansos.Complaint.Domain;

/// <summary>One ticket as statistics see it.</summary>
public sealed record StatisticsInput(string VillageCode, ComplaintCategory Category, ComplaintStatus Status,
    DateTimeOffset FiledAt, DateTimeOffset DueAt, DateTimeOffset? ResolvedAt);

/// <summary>Figures of one village and category over the tickets filed in a date range.</summary>
public sealed record CategoryFigures(string VillageCode, ComplaintCategory Category, long Received, long Resolved, long Open,
    long Breached, double MedianHoursToResolve);

/// <summary>Received, resolved (or rejected), open, breached and the median time to close, per village and category.</summary>
public static class ComplaintStatistics
{
    public static IReadOnlyList<CategoryFigures> Compute(IEnumerable<StatisticsInput> tickets, DateTimeOffset now) =>
        [.. tickets
            .GroupBy(t => (t.VillageCode, t.Category))
            .OrderBy(g => g.Key.VillageCode, StringComparer.Ordinal).ThenBy(g => g.Key.Category)
            .Select(g =>
            {
                var open = g.Count(t => ComplaintWorkflow.IsOpen(t.Status));
                var closed = g.Where(t => !ComplaintWorkflow.IsOpen(t.Status) && t.ResolvedAt is not null).ToList();
                var breached = g.Count(t => SlaPolicy.StateOf(t.FiledAt, t.DueAt,
                    ComplaintWorkflow.IsOpen(t.Status) ? null : t.ResolvedAt, now) == SlaState.Breached);
                return new CategoryFigures(g.Key.VillageCode, g.Key.Category, g.Count(), closed.Count, open, breached,
                    Median(closed.Select(t => (t.ResolvedAt!.Value - t.FiledAt).TotalHours)));
            })];

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
