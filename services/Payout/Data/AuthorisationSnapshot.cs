namespace Bansos.Payout.Data;

/// <summary>
/// One round trip's worth of what an authorisation is decided on, read in its transaction:
/// the terminal, an earlier request with the same key, the challenge's use, the card, its highest
/// verified ATC, the household and the entitlement in the requested period.
/// </summary>
public sealed class AuthorisationSnapshot
{
    public string TerminalStatus { get; init; } = "";

    public string TerminalVillage { get; init; } = "";

    public Guid? ExistingPayoutId { get; init; }

    public long ChallengeUses { get; init; }

    public Guid? CardId { get; init; }

    public string? CardStatus { get; init; }

    public Guid? CardHouseholdId { get; init; }

    public Guid? ReplacedBy { get; init; }

    public long? HighestAtc { get; init; }

    public string? HouseholdStatus { get; init; }

    public string? HouseholdVillage { get; init; }

    public long? EntitlementId { get; init; }

    public long? EntitlementAmount { get; init; }

    public long? Balance { get; init; }

    public string? PeriodCode { get; init; }

    public string? Programme { get; init; }

    public string? PeriodStatus { get; init; }

    public string? StartDate { get; init; }

    public string? EndDate { get; init; }
}
