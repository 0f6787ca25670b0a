namespace Bansos.Complaint.Domain;

/// <summary>A complaint that passed <see cref="ComplaintRules.Validate"/>: a real village, a known category, texts within bounds.</summary>
public sealed record ComplaintFiling(
    string VillageCode,
    ComplaintCategory Category,
    string Description,
    ComplaintChannel Channel,
    Guid? HouseholdId,
    Guid? PayoutId,
    string? Nik,
    string ReporterName,
    string ReporterPhone);
