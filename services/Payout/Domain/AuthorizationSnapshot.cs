namespace Bansos.Payout.Domain;

/// <summary>
/// What the database knows for one authorization, read in the unit of work that records it, as the
/// domain's own types: the calling terminal (null snapshot: not enrolled), an earlier request with
/// the same idempotency key, whether a payout already consumed the challenge, the card's highest
/// verified ATC, the card, its household and its entitlement in the requested period.
/// </summary>
/// <param name="TerminalVillage">The village of the terminal's distribution point (a payout's village when the household has none).</param>
/// <param name="Household">Set whenever the card is known (its status is null until the household's events arrive).</param>
public sealed record AuthorizationSnapshot(
    TerminalStatus TerminalStatus,
    string TerminalVillage,
    Guid? ExistingPayoutId,
    bool ChallengeUsed,
    int? HighestAtc,
    CardFacts? Card,
    HouseholdFacts? Household,
    EntitlementFacts? Entitlement);
