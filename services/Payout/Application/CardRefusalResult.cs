using Bansos.Payout.Domain;

namespace Bansos.Payout.Application;

/// <summary>The declined payout that records a card-side refusal; <paramref name="Replayed"/> for a retry of an earlier request.</summary>
public sealed record CardRefusalResult(Guid PayoutId, DeclineReason Reason, DateTimeOffset At, bool Replayed, string Message);
