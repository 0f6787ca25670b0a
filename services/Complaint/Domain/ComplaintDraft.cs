namespace Bansos.Complaint.Domain;

/// <summary>A complaint as the caller sent it, before validation (text fields as typed).</summary>
public sealed record ComplaintDraft(
    string? VillageCode,
    ComplaintCategory? Category,
    string? Description,
    ComplaintChannel? Channel,
    string? HouseholdId,
    string? PayoutId,
    string? Nik,
    string? ReporterName,
    string? ReporterPhone);
