using Bansos.Contracts;
using Bansos.Payout.Application;
using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Messaging;

/// <summary>Projects the registry's CardStatusChanged (once per message: the inbox record commits with the effect).</summary>
public sealed class CardStatusChangedConsumer(IDbSessions sessions, ProjectionUpdater updater)
    : InboxConsumer<CardStatusChanged>(sessions)
{
    protected override string ConsumerName => "payout.card-status-changed";

    protected override Task HandleAsync(CardStatusChanged message, DbSession session, CancellationToken ct) =>
        updater.ApplyAsync(session, message, ct);
}
