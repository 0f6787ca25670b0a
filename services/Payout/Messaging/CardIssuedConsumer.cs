using Bansos.Contracts;
using Bansos.Payout.Application;
using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Messaging;

/// <summary>Projects the registry's CardIssued (once per message: the inbox record commits with the effect).</summary>
public sealed class CardIssuedConsumer(IDbSessions sessions, ProjectionUpdater updater)
    : InboxConsumer<CardIssued>(sessions)
{
    protected override string ConsumerName => "payout.card-issued";

    protected override Task HandleAsync(CardIssued message, DbSession session, CancellationToken ct) =>
        updater.ApplyAsync(session, message, ct);
}
