using Bansos.ServiceDefaults.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Bansos.ServiceDefaults.Messaging;

/// <summary>
/// The outbox insert as one command of the caller's <see cref="NpgsqlBatch"/>, for a hot path that
/// sends its whole write (state change, events, commit) in one round trip: the batch without an
/// explicit transaction is one implicit transaction, so the events are stored exactly when the rest
/// is. The messages come from <see cref="IOutbox.Prepare(object, DateTimeOffset)"/>, so the rows are
/// those <see cref="IOutbox.EnqueueManyAsync"/> writes; the caller pulses <see cref="OutboxSignal"/>
/// after the batch succeeds (there is no transaction to hang it on).
/// </summary>
public static class PostgresOutboxBatchCommand
{
    /// <summary>Null when there is nothing to enqueue.</summary>
    public static NpgsqlBatchCommand? Create(IReadOnlyList<OutboxMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return null;
        }

        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO outbox_messages (message_id, message_type, body, created_at)
            SELECT * FROM unnest(@message_ids, @message_types, @bodies, @created_at)
            """);
        command.Parameters.Add(Array("message_ids", NpgsqlDbType.Uuid, messages.Select(m => m.MessageId)));
        command.Parameters.Add(Array("message_types", NpgsqlDbType.Text, messages.Select(m => m.MessageType)));
        command.Parameters.Add(Array("bodies", NpgsqlDbType.Text, messages.Select(m => m.Body)));
        command.Parameters.Add(Array("created_at", NpgsqlDbType.TimestampTz, messages.Select(m => DapperTypeHandlers.Normalize(m.CreatedAt))));
        return command;
    }

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType elementType, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | elementType) { Value = values.ToArray() };
}
