using Bansos.Contracts;
using Bansos.ServiceDefaults.Codes;

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
    public static readonly CodeMap<HouseholdStatus> Map = new(
        (HouseholdStatus.Active, HouseholdStatuses.Active),
        (HouseholdStatus.Suspended, HouseholdStatuses.Suspended),
        (HouseholdStatus.Removed, HouseholdStatuses.Removed));

    public static string ToCode(this HouseholdStatus status) => Map.ToCode(status);

    public static Validated<HouseholdStatus> Parse(string? text, string field = "status") =>
        Map.Parse(text, field, "Status", DomainErrors.StatusInvalid);
}
