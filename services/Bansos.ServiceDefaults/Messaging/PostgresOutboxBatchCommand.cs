using System.Text.Json;
using Bansos.ServiceDefaults.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Bansos.ServiceDefaults.Messaging;

/// <summary>
/// The outbox insert as one command of the caller's <see cref="NpgsqlBatch"/>, for a hot path that
/// sends its whole write (state change, events, commit) in one round trip: the batch without an
/// explicit transaction is one implicit transaction, so the events are stored exactly when the rest
/// is. The rows are those <see cref="IOutbox.EnqueueManyAsync"/> writes; the caller pulses
/// <see cref="OutboxSignal"/> after the batch succeeds (there is no transaction to hang it on).
/// </summary>
public static class PostgresOutboxBatchCommand
{
    /// <summary>Null when there is nothing to enqueue.</summary>
    public static NpgsqlBatchCommand? Create(IEnumerable<object> events, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ids = new List<Guid>();
        var types = new List<string>();
        var bodies = new List<string>();
        var times = new List<DateTimeOffset>();
        foreach (var @event in events)
        {
            ArgumentNullException.ThrowIfNull(@event);
            var type = @event.GetType();
            var now = time.GetUtcNow();
            ids.Add(Guid.CreateVersion7(now)); // time-ordered, as Outbox writes them
            types.Add(MessageJson.TypeName(type));
            bodies.Add(JsonSerializer.Serialize(@event, type, MessageJson.Options));
            times.Add(DapperTypeHandlers.Normalize(now));
        }

        if (ids.Count == 0)
        {
            return null;
        }

        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO outbox_messages (message_id, message_type, body, created_at)
            SELECT * FROM unnest(@message_ids, @message_types, @bodies, @created_at)
            """);
        command.Parameters.Add(new NpgsqlParameter("message_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("message_types", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = types.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("bodies", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = bodies.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("created_at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = times.ToArray() });
        return command;
    }
}
