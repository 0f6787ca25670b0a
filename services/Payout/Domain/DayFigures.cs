namespace Bansos.Payout.Domain;

/// <summary>One terminal's (or a point's) counts and sums for a business day; net = approved minus reversed.</summary>
public sealed record DayFigures(
    long TerminalId,
    long ApprovedCount,
    long ApprovedAmount,
    long ReversedCount,
    long ReversedAmount,
    long DeclinedCount)
{
    public long NetCount => ApprovedCount - ReversedCount;

    public long NetAmount => ApprovedAmount - ReversedAmount;

    public static DayFigures Sum(long terminalId, IEnumerable<DayFigures> rows)
    {
        var list = rows.ToList();
        return new DayFigures(
            terminalId,
            list.Sum(r => r.ApprovedCount),
            list.Sum(r => r.ApprovedAmount),
            list.Sum(r => r.ReversedCount),
            list.Sum(r => r.ReversedAmount),
            list.Sum(r => r.DeclinedCount));
    }
}
