using Bansos.Payout.Domain;

namespace Bansos.Payout.Application;

/// <summary>
/// What BeginPayout tells the terminal; <see cref="Challenge"/> is null when the card cannot draw
/// (<see cref="Refusal"/>). <see cref="TrainingPeriodIds"/>: which of the entitlements' periods are
/// training periods (the agent's banner).
/// </summary>
public sealed record BeginPayoutResult(
    string CardNumber,
    CardFacts Card,
    HouseholdFacts? Household,
    IReadOnlyList<EntitlementFacts> Entitlements,
    DeclineReason? Refusal,
    IssuedChallenge? Challenge,
    string? ChallengeId,
    long TerminalId,
    IReadOnlySet<long> TrainingPeriodIds);
