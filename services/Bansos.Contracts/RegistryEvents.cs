namespace Bansos.Contracts;

// Registry → payout (projection of households and cards), complaint.
// Personal data stays in the registry: events carry ids, the village and what payout needs to decide.

/// <summary>Household statuses as they travel on the bus: ACTIVE, SUSPENDED, REMOVED.</summary>
public static class HouseholdStatuses
{
    public const string Active = "ACTIVE";
    public const string Suspended = "SUSPENDED";
    public const string Removed = "REMOVED";
}

/// <summary>Card statuses as they travel on the bus: ACTIVE, BLOCKED, LOST, REPLACED.</summary>
public static class CardStatuses
{
    public const string Active = "ACTIVE";
    public const string Blocked = "BLOCKED";
    public const string Lost = "LOST";
    public const string Replaced = "REPLACED";
}

public sealed record HouseholdRegistered(
    Guid HouseholdId,
    string VillageCode,
    string Status,
    IReadOnlyList<string> Programmes,
    int Desil,
    int MemberCount,
    long Version,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

public sealed record HouseholdChanged(
    Guid HouseholdId,
    string VillageCode,
    IReadOnlyList<string> Programmes,
    int Desil,
    int MemberCount,
    long Version,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

public sealed record HouseholdStatusChanged(
    Guid HouseholdId,
    string Status,
    string? Reason,
    long Version,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

public sealed record CardIssued(
    Guid CardId,
    string CardNumber,
    Guid HouseholdId,
    Guid? ReplacesCardId,
    long Version,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

public sealed record CardStatusChanged(
    Guid CardId,
    string CardNumber,
    Guid HouseholdId,
    string Status,
    string? Reason,
    long Version,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
