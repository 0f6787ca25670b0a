namespace Bansos.Payout.Domain;

/// <summary>A programme's tranche: how much each eligible household of the covered villages may draw, and when.</summary>
public sealed record AidPeriod(
    long Id,
    string Code,
    string Programme,
    long AmountPerHousehold,
    DateOnly StartDate,
    DateOnly EndDate,
    IReadOnlyList<string> VillageCodes,
    AidPeriodStatus Status,
    long EntitlementCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosedAt)
{
    /// <summary>A training period (socialisation, virtual cards): its payouts are no real money and stay out of settlements and real figures.</summary>
    public bool Training { get; init; }

    /// <summary>Whether a payout on <paramref name="businessDate"/> falls inside the window (both ends inclusive).</summary>
    public bool IsWithinWindow(DateOnly businessDate) => businessDate >= StartDate && businessDate <= EndDate;
}
