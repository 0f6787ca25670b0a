namespace Bansos.Payout.Domain;

/// <summary>
/// One terminal's (or a point's) counts and sums for a business day; net = approved minus reversed.
/// Payouts against training periods are not in them but in <see cref="Training"/>, apart.
/// </summary>
public sealed record DayFigures(
    long TerminalId,
    long ApprovedCount,
    long ApprovedAmount,
    long ReversedCount,
    long ReversedAmount,
    long DeclinedCount)
{
    /// <summary>The same figures for payouts against training periods (no real money; never reimbursed); null: none read.</summary>
    public DayFigures? Training { get; init; }

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
            list.Sum(r => r.DeclinedCount))
        {
            Training = list.Any(r => r.Training is not null) ? Sum(terminalId, list.Select(r => r.Training).OfType<DayFigures>()) : null,
        };
    }
}
