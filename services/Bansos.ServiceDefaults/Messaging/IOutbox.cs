using System.Data.Common;

namespace Bansos.ServiceDefaults.Messaging;

/// <summary>Writes integration events into the caller's transaction; the relay publishes them after commit.</summary>
public interface IOutbox
{
    /// <summary>
    /// Adds <paramref name="event"/> to <c>outbox_messages</c> in <paramref name="transaction"/>.
    /// It is published (MessageId = the returned id) only if that transaction commits.
    /// </summary>
    Task<Guid> EnqueueAsync(DbConnection connection, DbTransaction transaction, object @event, CancellationToken ct = default);

    /// <summary>
    /// Adds <paramref name="events"/> in order, in one bulk write: the path for large batches (an
    /// import writes an event per household). Published only if <paramref name="transaction"/> commits.
    /// </summary>
    Task EnqueueManyAsync(DbConnection connection, DbTransaction transaction, IEnumerable<object> events, CancellationToken ct = default);

    /// <summary>
    /// Serialises <paramref name="event"/> now, so that a bulk writer can do it away from its
    /// transaction (the import prepares its events on the reader's core); write it with
    /// <see cref="EnqueuePreparedAsync"/>.
    /// </summary>
    OutboxMessage Prepare(object @event);

    /// <summary><see cref="Prepare(object)"/> stamped <paramref name="at"/>: one clock reading for a whole batch.</summary>
    OutboxMessage Prepare(object @event, DateTimeOffset at);

    /// <summary>Adds prepared messages in order, in one bulk write; published only if <paramref name="transaction"/> commits.</summary>
    Task EnqueuePreparedAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<OutboxMessage> messages, CancellationToken ct = default);
}
