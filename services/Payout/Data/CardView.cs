using Bansos.Payout.Domain;

namespace Bansos.Payout.Data;

/// <summary>
/// One row of BeginPayout's read: the terminal, the card, its household and one open
/// entitlement (a household with several entitlements gives several rows; with none, one row
/// with the entitlement columns null; the period columns are null for periods that are not OPEN).
/// </summary>
public sealed class CardView
{
    public TerminalStatus TerminalStatus { get; init; }

    public Guid? CardId { get; init; }

    public Guid? HouseholdId { get; init; }

    public string? CardStatus { get; init; }

    public Guid? ReplacedBy { get; init; }

    public string? HouseholdStatus { get; init; }

    public string? HouseholdVillage { get; init; }

    public long? EntitlementId { get; init; }

    public long? PeriodId { get; init; }

    public string? PeriodCode { get; init; }

    public string? Programme { get; init; }

    public long? Amount { get; init; }

    public long? Balance { get; init; }

    public DateOnly? StartDate { get; init; }

    public DateOnly? EndDate { get; init; }
}
