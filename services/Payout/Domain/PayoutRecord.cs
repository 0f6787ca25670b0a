namespace Bansos.Payout.Domain;

/// <summary>One recorded authorization attempt, approved or declined, as stored.</summary>
public sealed record PayoutRecord
{
    public required Guid PayoutId { get; init; }

    public required long TerminalId { get; init; }

    public required string IdempotencyKey { get; init; }

    public required byte[] RequestHash { get; init; }

    public string? CardNumber { get; init; }

    public Guid? HouseholdId { get; init; }

    public long PeriodId { get; init; }

    public long? EntitlementId { get; init; }

    public string? VillageCode { get; init; }

    public required long Amount { get; init; }

    public required DeclineReason? DeclineReason { get; init; }

    public string? ApprovalCode { get; init; }

    public long? BalanceAfter { get; init; }

    public required DateTimeOffset At { get; init; }

    public required DateOnly BusinessDate { get; init; }

    public DateTimeOffset? ReversedAt { get; init; }

    public string? ReversalReason { get; init; }

    public bool Approved => DeclineReason is null;
}
