using Bansos.Contracts;

namespace Bansos.ServiceDefaults.Codes;

/// <summary>The household status codes of the registry's events and of every service's storage.</summary>
public static class HouseholdStatusCodes
{
    public static readonly CodeMap<HouseholdStatus> Map = new(
        (HouseholdStatus.Active, HouseholdStatuses.Active),
        (HouseholdStatus.Suspended, HouseholdStatuses.Suspended),
        (HouseholdStatus.Removed, HouseholdStatuses.Removed));

    public static string ToCode(this HouseholdStatus status) => Map.ToCode(status);

    /// <summary>A stored or announced status; null when none has arrived yet or for one this version does not know: either way not active.</summary>
    public static HouseholdStatus? Read(string? code) => Map.TryParse(code, out var status) ? status : null;
}
