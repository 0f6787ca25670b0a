namespace Bansos.ServiceDefaults.Audit;

/// <summary>An audit entry as stored: its place in the chain, when, and the hashes that link it.</summary>
public sealed record AuditRecord(
    long Sequence,
    DateTimeOffset At,
    string Actor,
    string Action,
    string EntityType,
    string EntityId,
    string? BeforeJson,
    string? AfterJson,
    string PrevHash,
    string Hash);
