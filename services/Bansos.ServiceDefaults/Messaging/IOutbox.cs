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
}
