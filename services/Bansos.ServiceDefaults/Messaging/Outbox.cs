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

    public Task EnqueueManyAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<object> events, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        return EnqueuePreparedAsync(connection, transaction, [.. events.Select(Prepare)], ct);
    }

    public OutboxMessage Prepare(object @event) => Prepare(@event, time.GetUtcNow());

    public OutboxMessage Prepare(object @event, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var type = @event.GetType();
        // Version 7: time-ordered, so ids sort (roughly) like the rows and index well.
        return new OutboxMessage(Guid.CreateVersion7(at), MessageJson.TypeName(type), JsonSerializer.Serialize(@event, type, MessageJson.Options), at);
    }

    public async Task EnqueuePreparedAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<OutboxMessage> messages, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return;
        }

        var rows = new List<object?[]>(messages.Count);
        foreach (var message in messages)
        {
            rows.Add([message.MessageId, message.MessageType, message.Body, message.CreatedAt]);
        }

        await Insert.ExecuteAsync(connection, transaction, database.Dialect, rows, ct);
        transaction.OnCommitted(signal.Pulse);
    }
}
