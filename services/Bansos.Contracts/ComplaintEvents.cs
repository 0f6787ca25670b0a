namespace Bansos.Contracts;

// Complaint → reports, notifications. Ids, village and codes only: the reporter's name, phone and
// NIK stay in the complaint service (docs/decisions.md D3).

public sealed record ComplaintFiled(
    Guid ComplaintId,
    string Number,
    string VillageCode,
    string Category,
    string Channel,
    Guid? HouseholdId,
    Guid? PayoutId,
    DateTimeOffset DueAt,
    long Version,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

public sealed record ComplaintStatusChanged(
    Guid ComplaintId,
    string Number,
    string VillageCode,
    string FromStatus,
    string ToStatus,
    long Version,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
