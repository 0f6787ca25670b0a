using Bansos.Contracts;

namespace Bansos.Payout.Domain;

/// <summary>What the projection knows of a card: its status, and whether a replacement card took over.</summary>
public sealed record CardFacts(Guid CardId, Guid HouseholdId, string Status, bool Replaced)
{
    /// <summary>Why this card cannot draw, or null when it can.</summary>
    public DeclineReason? Refusal =>
        Replaced || Status == CardStatuses.Replaced ? DeclineReason.CardReplaced
        : Status == CardStatuses.Active ? null
        : Status == CardStatuses.Lost ? DeclineReason.CardLost
        : DeclineReason.CardBlocked; // BLOCKED, and any status this version does not know, stops the card
}
