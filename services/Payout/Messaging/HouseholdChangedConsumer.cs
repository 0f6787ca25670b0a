using System.Data.Common;
using Bansos.Contracts;
using Bansos.Payout.Application;
using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Messaging;

/// <summary>Projects the registry's HouseholdChanged (once per message: the inbox record commits with the effect).</summary>
public sealed class HouseholdChangedConsumer(IDatabase database, ProjectionUpdater updater) : InboxConsumer<HouseholdChanged>(database)
{
    protected override string ConsumerName => "payout.household-changed";

    protected override Task HandleAsync(HouseholdChanged message, DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        updater.ApplyAsync(connection, transaction, message, ct);
}
