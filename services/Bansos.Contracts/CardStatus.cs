namespace Bansos.Contracts;

/// <summary>
/// An aid card's status, as the registry keeps it and announces it (<see cref="CardStatuses"/> are
/// its codes on the bus). One type for the registry and for payout's projection: they must never
/// disagree about what a card can be. <c>LOST</c> and <c>REPLACED</c> are final.
/// </summary>
public enum CardStatus
{
    Active,
    Blocked,
    Lost,
    Replaced,
}
