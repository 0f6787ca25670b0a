using Bansos.Protos.Payout.V1;

namespace Bansos.Agent.Session;

/// <summary>What the counter sees about the card at hand: its card number masked, never in full.</summary>
public sealed record CardSummary(string MaskedCard, string HolderName, string HouseholdReference, string VillageCode,
    IReadOnlyList<EntitlementInfo> Entitlements);
