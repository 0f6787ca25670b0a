using System.Data.Common;
using Bansos.Contracts;
using Bansos.Payout.Application;
using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Messaging;

/// <summary>Projects the registry's CardStatusChanged (once per message: the inbox record commits with the effect).</summary>
public sealed class CardStatusChangedConsumer(IDatabase database, ProjectionUpdater updater) : InboxConsumer<CardStatusChanged>(database)
{
    protected override string ConsumerName => "payout.card-status-changed";

    protected override Task HandleAsync(CardStatusChanged message, DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        updater.ApplyAsync(connection, transaction, message, ct);
}
