using System.Data.Common;
using Bansos.ServiceDefaults.Messaging;

namespace Bansos.ServiceDefaults.Storage;

/// <summary>
/// A session's events: <see cref="Enqueue"/> serialises one now (so a bad event fails the work, not
/// the commit) and the session writes them all in one bulk insert just before it commits.
/// </summary>
public sealed class SessionOutbox
{
    private readonly IOutbox? outbox;
    private readonly List<OutboxMessage> pending = [];

    internal SessionOutbox(IOutbox? outbox) => this.outbox = outbox;

    /// <summary>Events enqueued and not yet written.</summary>
    public int Count => pending.Count;

    /// <summary>Publishes <paramref name="event"/> if the session commits; returns its message id.</summary>
    public Guid Enqueue(object @event)
    {
        var messages = outbox ?? throw new InvalidOperationException(
            "This service has no outbox: call AddBansosMessaging to publish events from a session.");
        var message = messages.Prepare(@event);
        pending.Add(message);
        return message.MessageId;
    }

    /// <summary>
    /// Adds events already serialised with <see cref="IOutbox.Prepare(object, DateTimeOffset)"/> (the registry import prepares them on
    /// its reader's core, ahead of the write); written with the others.
    /// </summary>
    public void EnqueuePrepared(IEnumerable<OutboxMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (outbox is null)
        {
            throw new InvalidOperationException("This service has no outbox: call AddBansosMessaging to publish events from a session.");
        }

        pending.AddRange(messages);
    }

    /// <summary>
    /// Hands the enqueued events to a writer that stores them itself, in the same transaction and in its own
    /// round trip (PostgreSQL's batched payouts: <c>PostgresOutboxBatchCommand</c>); the session then writes
    /// nothing more, and that writer wakes the relay after the commit (<c>OutboxSignal</c>).
    /// </summary>
    public IReadOnlyList<OutboxMessage> TakePending()
    {
        OutboxMessage[] messages = [.. pending];
        pending.Clear();
        return messages;
    }

    internal async Task FlushAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        if (pending.Count == 0 || outbox is null)
        {
            return;
        }

        OutboxMessage[] messages = [.. pending];
        pending.Clear();
        await outbox.EnqueuePreparedAsync(connection, transaction, messages, ct);
    }
}
