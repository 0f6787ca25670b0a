using Bansos.Complaint.Domain;

namespace Bansos.Complaint.Data;

/// <summary>What a list of tickets is narrowed to; null means any. Dates are WIB, inclusive.</summary>
public sealed record ComplaintFilter(
    string? VillageCode = null,
    string? DistrictCode = null,
    ComplaintStatus? Status = null,
    ComplaintCategory? Category = null,
    Guid? HouseholdId = null,
    string? Assignee = null,
    DateOnly? FiledFrom = null,
    DateOnly? FiledTo = null,
    SlaState? Sla = null);
