using Bansos.Contracts;
using Bansos.Payout.Application;
using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Messaging;

/// <summary>Projects the registry's HouseholdChanged (once per message: the inbox record commits with the effect).</summary>
public sealed class HouseholdChangedConsumer(IDbSessions sessions, ProjectionUpdater updater)
    : InboxConsumer<HouseholdChanged>(sessions)
{
    protected override string ConsumerName => "payout.household-changed";

    protected override Task HandleAsync(HouseholdChanged message, DbSession session, CancellationToken ct) =>
        updater.ApplyAsync(session, message, ct);
}
