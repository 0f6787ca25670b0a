namespace Bansos.Complaint.Domain;

/// <summary>A ticket as stored: what was filed, where it is in the workflow, and its due time.</summary>
public sealed record Complaint
{
    public required Guid Id { get; init; }

    public required TicketNumber Number { get; init; }

    public required string VillageCode { get; init; }

    /// <summary>The village's district (kecamatan), dotted: <c>17.03.12</c>.</summary>
    public string DistrictCode => VillageCode[..8];

    public required ComplaintCategory Category { get; init; }

    public required string Description { get; init; }

    public required ComplaintChannel Channel { get; init; }

    public Guid? HouseholdId { get; init; }

    public Guid? PayoutId { get; init; }

    /// <summary>Personal data: masked for auditors and never logged.</summary>
    public string? Nik { get; init; }

    public required string ReporterName { get; init; }

    public required string ReporterPhone { get; init; }

    public required ComplaintStatus Status { get; init; }

    public string? Assignee { get; init; }

    public string? Resolution { get; init; }

    public required DateTimeOffset FiledAt { get; init; }

    public required string FiledBy { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    /// <summary>When it was last resolved or rejected; null while open.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    public required long Version { get; init; }

    public bool Automatic => Channel == ComplaintChannel.Automatic;

    public bool IsOpen => ComplaintWorkflow.IsOpen(Status);

    public SlaState SlaAt(DateTimeOffset now) => SlaPolicy.StateOf(FiledAt, DueAt, IsOpen ? null : ResolvedAt, now);
}
