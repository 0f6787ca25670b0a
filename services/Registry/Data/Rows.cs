namespace Bansos.Registry.Data;

// Row shapes as the database returns them; the gRPC layer maps them to messages. Classes with
// settable properties (not positional records) because Dapper then converts SQLite's 64-bit
// integers and text Guids through its type handlers.

public sealed class HouseholdSummaryRow
{
    public Guid Id { get; init; }
    public string KkNumber { get; init; } = "";
    public string HeadName { get; init; } = "";
    public string HeadNameKey { get; init; } = "";
    public string VillageCode { get; init; } = "";
    public string Status { get; init; } = "";
    public string Programmes { get; init; } = "";
    public int Desil { get; init; }
    public int MemberCount { get; init; }
}

public sealed class HouseholdRow
{
    public Guid Id { get; init; }
    public string KkNumber { get; init; } = "";
    public string VillageCode { get; init; } = "";
    public string Rt { get; init; } = "";
    public string Rw { get; init; } = "";
    public string Street { get; init; } = "";
    public int Desil { get; init; }
    public string Programmes { get; init; } = "";
    public string Status { get; init; } = "";
    public string? RemovalReason { get; init; }
    public string? StatusNote { get; init; }
    public string HeadName { get; init; } = "";
    public int MemberCount { get; init; }
    public long Version { get; init; }
}

public sealed class MemberRow
{
    public string Nik { get; init; } = "";
    public string Name { get; init; } = "";
    public string Relation { get; init; } = "";
    public string Sex { get; init; } = "";
    public string BirthDate { get; init; } = "";
}

public sealed class CardRow
{
    public Guid Id { get; init; }
    public string CardNumber { get; init; } = "";
    public Guid HouseholdId { get; init; }
    public string Status { get; init; } = "";
    public string? StatusReason { get; init; }
    public Guid? ReplacedBy { get; init; }
    public long Version { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
}

public sealed class HistoryRow
{
    public DateTimeOffset At { get; init; }
    public string Actor { get; init; } = "";
    public string Action { get; init; } = "";
    public string Detail { get; init; } = "";
}

public sealed class VillageHouseholdCount
{
    public string VillageCode { get; init; } = "";
    public int Households { get; init; }
    public int ActiveHouseholds { get; init; }
    public int Persons { get; init; }
}

public sealed record HouseholdPage(IReadOnlyList<HouseholdSummaryRow> Households, PageCursor? Next, int TotalCount);

public sealed record HouseholdView(
    HouseholdRow Household, IReadOnlyList<MemberRow> Members, IReadOnlyList<CardRow> Cards, IReadOnlyList<HistoryRow> History);

public sealed record CardLookup(CardRow Card, string HolderName, string VillageCode);

public sealed class ImportLogRow
{
    public Guid Id { get; init; }
    public string Actor { get; init; } = "";
    public string FileName { get; init; } = "";
    public string Sha256 { get; init; } = "";
    public bool AllOrNothing { get; init; }
    public string Status { get; init; } = "";
    public long RowsRead { get; init; }
    public long RowsRejected { get; init; }
    public int HouseholdsCreated { get; init; }
    public int HouseholdsUpdated { get; init; }
    public int HouseholdsUnchanged { get; init; }
    public string? Error { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
}
