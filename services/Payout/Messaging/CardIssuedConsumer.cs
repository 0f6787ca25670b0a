using System.Data.Common;
using Bansos.Contracts;
using Bansos.Payout.Application;
using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Messaging;

/// <summary>Projects the registry's CardIssued (once per message: the inbox record commits with the effect).</summary>
public sealed class CardIssuedConsumer(IDatabase database, ProjectionUpdater updater) : InboxConsumer<CardIssued>(database)
{
    protected override string ConsumerName => "payout.card-issued";

    protected override Task HandleAsync(CardIssued message, DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        updater.ApplyAsync(connection, transaction, message, ct);
}
