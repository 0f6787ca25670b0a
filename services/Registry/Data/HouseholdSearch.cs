namespace Bansos.Registry.Data;

/// <summary>Filters for the household search; null means "any".</summary>
public sealed record HouseholdSearch(
    string? VillageCode,
    string? DistrictCode,
    string? Status,
    string? Programme,
    string? NamePrefix,
    int PageSize,
    PageCursor? After);
