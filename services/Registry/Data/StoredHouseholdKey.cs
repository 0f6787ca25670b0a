namespace Bansos.Registry.Data;

/// <summary>A stored household as the import first sees it: enough to tell "unchanged" without loading members.</summary>
public sealed class StoredHouseholdKey
{
    public Guid Id { get; init; }
    public string KkNumber { get; init; } = "";
    public string ContentHash { get; init; } = "";
}
