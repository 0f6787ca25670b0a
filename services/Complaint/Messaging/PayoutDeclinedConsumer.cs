using Bansos.Complaint.Application;
using Bansos.Contracts;
using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Complaint.Messaging;

/// <summary>A decline for a blocked PIN or a blocked, lost or ended card opens a ticket or notes the open one.</summary>
public sealed class PayoutDeclinedConsumer(IDbSessions sessions, AutomaticTicketing tickets, TimeProvider time)
    : InboxConsumer<PayoutDeclined>(sessions)
{
    protected override string ConsumerName => "complaint.payout-declined";

    protected override Task HandleAsync(PayoutDeclined message, DbSession session, CancellationToken ct) =>
        tickets.OnDeclinedAsync(session, message, DapperTypeHandlers.Normalize(time.GetUtcNow()), ct);
}
