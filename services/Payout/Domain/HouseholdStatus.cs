using Bansos.Contracts;
using Bansos.ServiceDefaults.Codes;

namespace Bansos.Payout.Domain;

/// <summary>A household's status as the registry announces it (<see cref="HouseholdStatuses"/> on the bus); only an active one draws.</summary>
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

    /// <summary>A stored status; null when none has arrived yet or for one this version does not know: either way not active.</summary>
    public static HouseholdStatus? Read(string? code) => Map.TryParse(code, out var status) ? status : null;
}
