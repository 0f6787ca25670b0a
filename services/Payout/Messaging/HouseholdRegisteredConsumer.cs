using Bansos.Contracts;
using Bansos.Payout.Application;
using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Messaging;

/// <summary>Projects the registry's HouseholdRegistered (once per message: the inbox record commits with the effect).</summary>
public sealed class HouseholdRegisteredConsumer(IDbSessions sessions, ProjectionUpdater updater)
    : InboxConsumer<HouseholdRegistered>(sessions)
{
    protected override string ConsumerName => "payout.household-registered";

    protected override Task HandleAsync(HouseholdRegistered message, DbSession session, CancellationToken ct) =>
        updater.ApplyAsync(session, message, ct);
}
