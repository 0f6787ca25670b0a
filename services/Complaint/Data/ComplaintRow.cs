using Bansos.Complaint.Domain;

namespace Bansos.Complaint.Data;

/// <summary>A <c>complaints</c> row as Dapper reads it.</summary>
internal sealed class ComplaintRow
{
    public Guid Id { get; set; }

    public int Year { get; set; }

    public long Sequence { get; set; }

    public string VillageCode { get; set; } = "";

    public string Category { get; set; } = "";

    public string Description { get; set; } = "";

    public string Channel { get; set; } = "";

    public Guid? HouseholdId { get; set; }

    public Guid? PayoutId { get; set; }

    public string? Nik { get; set; }

    public string ReporterName { get; set; } = "";

    public string ReporterPhone { get; set; } = "";

    public string Status { get; set; } = "";

    public string? Assignee { get; set; }

    public string? Resolution { get; set; }

    public DateTimeOffset FiledAt { get; set; }

    public string FiledBy { get; set; } = "";

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public long Version { get; set; }

    public Domain.Complaint ToDomain() => new()
    {
        Id = Id,
        Number = new TicketNumber(Year, Sequence),
        VillageCode = VillageCode,
        Category = ComplaintCodes.ParseCategory(Category),
        Description = Description,
        Channel = ComplaintCodes.ParseChannel(Channel),
        HouseholdId = HouseholdId,
        PayoutId = PayoutId,
        Nik = Nik,
        ReporterName = ReporterName,
        ReporterPhone = ReporterPhone,
        Status = ComplaintCodes.ParseStatus(Status),
        Assignee = Assignee,
        Resolution = Resolution,
        FiledAt = FiledAt,
        FiledBy = FiledBy,
        DueAt = DueAt,
        ResolvedAt = ResolvedAt,
        Version = Version,
    };

    public const string Columns =
        "id AS Id, year AS Year, sequence AS Sequence, village_code AS VillageCode, category AS Category, " +
        "description AS Description, channel AS Channel, household_id AS HouseholdId, payout_id AS PayoutId, nik AS Nik, " +
        "reporter_name AS ReporterName, reporter_phone AS ReporterPhone, status AS Status, assignee AS Assignee, " +
        "resolution AS Resolution, filed_at AS FiledAt, filed_by AS FiledBy, due_at AS DueAt, resolved_at AS ResolvedAt, " +
        "version AS Version";
}
