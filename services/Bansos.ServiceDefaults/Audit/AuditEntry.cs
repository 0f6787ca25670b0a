namespace Bansos.ServiceDefaults.Audit;

/// <summary>One change a person made: who, what, on which entity, before and after (JSON, personal data as the service decides).</summary>
public sealed record AuditEntry(
    string Actor,
    string Action,
    string EntityType,
    string EntityId,
    string? BeforeJson,
    string? AfterJson);
