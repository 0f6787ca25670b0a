using System.Data.Common;
using System.Text.Json;
using Bansos.ServiceDefaults.Storage;
using Dapper;

namespace Bansos.ServiceDefaults.Messaging;

internal sealed class Outbox(OutboxSignal signal, TimeProvider time) : IOutbox
{
    public async Task<Guid> EnqueueAsync(DbConnection connection, DbTransaction transaction, object @event, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var type = @event.GetType();
        // Version 7: time-ordered, so ids sort (roughly) like the rows and index well.
        var messageId = Guid.CreateVersion7(time.GetUtcNow());
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO outbox_messages (message_id, message_type, body, created_at)
            VALUES (@messageId, @messageType, @body, @createdAt)
            """,
            new
            {
                messageId,
                messageType = MessageJson.TypeName(type),
                body = JsonSerializer.Serialize(@event, type, MessageJson.Options),
                createdAt = time.GetUtcNow(),
            },
            transaction,
            cancellationToken: ct));
        transaction.OnCommitted(signal.Pulse);
        return messageId;
    }
}
