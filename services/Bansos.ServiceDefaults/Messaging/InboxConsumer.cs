using Bansos.ServiceDefaults.Storage;
using Dapper;
using MassTransit;

namespace Bansos.ServiceDefaults.Messaging;

/// <summary>
/// A consumer that applies each message once: the (consumer, message id) inbox record, the handler's
/// effect and the events it enqueues (<c>session.Outbox.Enqueue</c>) commit together in one
/// <see cref="IDbSessions.WriteAsync{T}"/> unit of work, and a repeat of the message id finds the
/// record and does nothing. A transient failure runs the whole unit again (<see cref="TransientRetry"/>,
/// the only retry for those); a handler that throws otherwise rolls everything back, so MassTransit's
/// retry runs it again.
/// </summary>
public abstract class InboxConsumer<TMessage>(IDbSessions sessions) : IConsumer<TMessage>
    where TMessage : class
{
    /// <summary>The inbox key; stable across deployments (renaming the class replays nothing already recorded under the old name).</summary>
    protected virtual string ConsumerName => GetType().FullName ?? GetType().Name;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a MessageId; the inbox cannot de-duplicate it.");
        var ct = context.CancellationToken;
        await sessions.WriteAsync(async session =>
        {
            var inserted = await session.Connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO inbox_messages (consumer, message_id, received_at)
                VALUES (@consumer, @messageId, @receivedAt)
                ON CONFLICT DO NOTHING
                """,
                new { consumer = ConsumerName, messageId, receivedAt = DateTimeOffset.UtcNow },
                session.Transaction,
                cancellationToken: ct));
            if (inserted == 0)
            {
                return false; // a duplicate: its effect is already committed
            }

            await HandleAsync(context.Message, session, ct);
            return true;
        }, ct: ct);
    }

    /// <summary>Applies the message in <paramref name="session"/>; it may run more than once (transient failures), so it touches only the session.</summary>
    protected abstract Task HandleAsync(TMessage message, DbSession session, CancellationToken ct);
}
