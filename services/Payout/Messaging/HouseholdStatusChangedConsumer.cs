using Bansos.Contracts;
using Bansos.Payout.Application;
using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Messaging;

/// <summary>Projects the registry's HouseholdStatusChanged (once per message: the inbox record commits with the effect).</summary>
public sealed class HouseholdStatusChangedConsumer(IDbSessions sessions, ProjectionUpdater updater)
    : InboxConsumer<HouseholdStatusChanged>(sessions)
{
    protected override string ConsumerName => "payout.household-status-changed";

    protected override Task HandleAsync(HouseholdStatusChanged message, DbSession session, CancellationToken ct) =>
        updater.ApplyAsync(session, message, ct);
}
