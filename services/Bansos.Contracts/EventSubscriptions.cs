namespace Bansos.Contracts;

/// <summary>
/// The queues that consume each integration event, as their services name them
/// (<c>&lt;service&gt;-&lt;consumer&gt;</c>, docs/service-defaults.md). A publisher binds these queues
/// to the event's exchange before its first publish, so an event published before its consumer
/// has ever started waits in the consumer's queue instead of being dropped (docs/decisions.md
/// D42). A service that adds a consumer of another service's event adds its line here.
/// </summary>
public static class EventSubscriptions
{
    public static IReadOnlyList<(string Queue, Type Event)> All { get; } =
    [
        ("payout-household-registered", typeof(HouseholdRegistered)),
        ("payout-household-changed", typeof(HouseholdChanged)),
        ("payout-household-status-changed", typeof(HouseholdStatusChanged)),
        ("payout-card-issued", typeof(CardIssued)),
        ("payout-card-status-changed", typeof(CardStatusChanged)),
        ("complaint-household-registered", typeof(HouseholdRegistered)),
        ("complaint-household-changed", typeof(HouseholdChanged)),
        ("complaint-card-status-changed", typeof(CardStatusChanged)),
        ("complaint-payout-declined", typeof(PayoutDeclined)),
    ];
}
