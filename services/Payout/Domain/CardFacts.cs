using Bansos.Contracts;
namespace Bansos.Payout.Domain;

/// <summary>What the projection knows of a card: its status, and whether a replacement card took over.</summary>
/// <param name="Status">Null for a status this version does not know (<see cref="CardStatusCodes.Read"/>).</param>
public sealed record CardFacts(Guid CardId, Guid HouseholdId, CardStatus? Status, bool Replaced)
{
    /// <summary>Why this card cannot draw, or null when it can.</summary>
    public DeclineReason? Refusal =>
        Replaced || Status == CardStatus.Replaced ? DeclineReason.CardReplaced
        : Status == CardStatus.Active ? null
        : Status == CardStatus.Lost ? DeclineReason.CardLost
        : DeclineReason.CardBlocked; // BLOCKED, and any status this version does not know, stops the card
}
