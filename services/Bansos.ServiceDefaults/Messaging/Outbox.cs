using System.Data.Common;
using System.Text.Json;
using Bansos.ServiceDefaults.Storage;
using Dapper;

namespace Bansos.ServiceDefaults.Messaging;

internal sealed class Outbox(OutboxSignal signal, TimeProvider time, IDatabase database) : IOutbox
{
    private static readonly BulkInsert Insert = new("outbox_messages", "message_id", "message_type", "body", "created_at");

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

    public async Task EnqueueManyAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<object> events, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var rows = new List<object?[]>();
        foreach (var @event in events)
        {
            ArgumentNullException.ThrowIfNull(@event);
            var type = @event.GetType();
            var now = time.GetUtcNow();
            rows.Add([Guid.CreateVersion7(now), MessageJson.TypeName(type), JsonSerializer.Serialize(@event, type, MessageJson.Options), now]);
        }

        if (rows.Count == 0)
        {
            return;
        }

        await Insert.ExecuteAsync(connection, transaction, database.Dialect, rows, ct);
        transaction.OnCommitted(signal.Pulse);
    }
}
