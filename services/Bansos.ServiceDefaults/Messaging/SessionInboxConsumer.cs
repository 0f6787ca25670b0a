using System.Data.Common;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.ServiceDefaults.Messaging;

/// <summary>
/// An <see cref="InboxConsumer{TMessage}"/> whose handler works on a <see cref="DbSession"/> (stores
/// take the session; events go through <c>session.Outbox.Enqueue</c>) joined to the inbox's own
/// transaction, so the inbox record, the effect and the events commit together.
/// </summary>
public abstract class SessionInboxConsumer<TMessage>(IDatabase database, IDbSessions sessions) : InboxConsumer<TMessage>(database)
    where TMessage : class
{
    protected sealed override async Task HandleAsync(TMessage message, DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        var session = sessions.Join(connection, transaction);
        await HandleAsync(message, session, ct);
        await session.FlushAsync(ct);
    }

    protected abstract Task HandleAsync(TMessage message, DbSession session, CancellationToken ct);
}
