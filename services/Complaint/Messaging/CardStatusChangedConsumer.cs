using Bansos.Complaint.Application;
using Bansos.Contracts;
using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Complaint.Messaging;

/// <summary>A card replaced in the registry is noted on the household's open card ticket.</summary>
public sealed class CardStatusChangedConsumer(IDbSessions sessions, AutomaticTicketing tickets, TimeProvider time)
    : InboxConsumer<CardStatusChanged>(sessions)
{
    protected override string ConsumerName => "complaint.card-status-changed";

    protected override Task HandleAsync(CardStatusChanged message, DbSession session, CancellationToken ct) =>
        tickets.OnCardStatusChangedAsync(session, message, DapperTypeHandlers.Normalize(time.GetUtcNow()), ct);
}
