namespace Bansos.Contracts;

// Payout → complaint (declines for a blocked PIN or card open tickets), reports.

public sealed record PeriodOpened(
    long PeriodId,
    string Code,
    string Programme,
    long AmountPerHousehold,
    IReadOnlyList<string> VillageCodes,
    int EntitlementCount,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

public sealed record PeriodClosed(long PeriodId, string Code, DateTimeOffset OccurredAt) : IIntegrationEvent;

public sealed record PayoutAuthorized(
    Guid PayoutId,
    long PeriodId,
    Guid HouseholdId,
    string CardNumber,
    long TerminalId,
    string VillageCode,
    long Amount,
    long BalanceAfter,
    string ApprovalCode,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

public sealed record PayoutDeclined(
    Guid PayoutId,
    string Reason,
    Guid? HouseholdId,
    string CardNumber,
    long TerminalId,
    string? VillageCode,
    long Amount,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

public sealed record PayoutReversed(
    Guid PayoutId,
    Guid HouseholdId,
    long TerminalId,
    long Amount,
    string Reason,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
