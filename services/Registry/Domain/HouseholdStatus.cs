namespace Bansos.Registry.Domain;

/// <summary>Where a household stands: <c>ACTIVE</c>, <c>SUSPENDED</c> (under review) or <c>REMOVED</c>.</summary>
public enum HouseholdStatus
{
    Active,
    Suspended,
    Removed,
}

public static class HouseholdStatusCodes
{
    public static string ToCode(this HouseholdStatus status) => status switch
    {
        HouseholdStatus.Suspended => Bansos.Contracts.HouseholdStatuses.Suspended,
        HouseholdStatus.Removed => Bansos.Contracts.HouseholdStatuses.Removed,
        _ => Bansos.Contracts.HouseholdStatuses.Active,
    };

    public static Validated<HouseholdStatus> Parse(string? text, string field = "status") =>
        text?.Trim().ToUpperInvariant() switch
        {
            "ACTIVE" => Validated<HouseholdStatus>.Valid(HouseholdStatus.Active),
            "SUSPENDED" => Validated<HouseholdStatus>.Valid(HouseholdStatus.Suspended),
            "REMOVED" => Validated<HouseholdStatus>.Valid(HouseholdStatus.Removed),
            null or "" => Validated<HouseholdStatus>.Invalid(DomainErrors.Required(field, "Status")),
            _ => Validated<HouseholdStatus>.Invalid(DomainErrors.StatusInvalid(field)),
        };
}
