namespace Bansos.Contracts;

/// <summary>
/// Where a household stands, as the registry keeps it and announces it (<see cref="HouseholdStatuses"/>
/// are its codes on the bus): <c>ACTIVE</c>, <c>SUSPENDED</c> (under review) or <c>REMOVED</c>. Only
/// an active household draws.
/// </summary>
public enum HouseholdStatus
{
    Active,
    Suspended,
    Removed,
}
