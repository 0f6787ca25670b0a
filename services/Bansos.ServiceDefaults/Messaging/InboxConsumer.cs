using System.Data.Common;
using Bansos.ServiceDefaults.Storage;
using Dapper;
using MassTransit;

namespace Bansos.ServiceDefaults.Messaging;

/// <summary>
/// A consumer that applies each message once: the (consumer, message id) inbox record and the
/// handler's effect commit together, and a repeat of the message id finds the record and does
/// nothing. A handler that throws rolls both back, so MassTransit's retry runs it again.
/// </summary>
public abstract class InboxConsumer<TMessage>(IDatabase database) : IConsumer<TMessage>
    where TMessage : class
{
    /// <summary>The inbox key; stable across deployments (renaming the class replays nothing already recorded under the old name).</summary>
    protected virtual string ConsumerName => GetType().FullName ?? GetType().Name;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a MessageId; the inbox cannot de-duplicate it.");
        var ct = context.CancellationToken;
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            var inserted = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO inbox_messages (consumer, message_id, received_at)
                VALUES (@consumer, @messageId, @receivedAt)
                ON CONFLICT DO NOTHING
                """,
                new { consumer = ConsumerName, messageId, receivedAt = DateTimeOffset.UtcNow },
                transaction,
                cancellationToken: ct));
            if (inserted == 0)
            {
                return false; // a duplicate: its effect is already committed
            }

            await HandleAsync(context.Message, connection, transaction, ct);
            return true;
        }, ct: ct);
    }

    protected abstract Task HandleAsync(TMessage message, DbConnection connection, DbTransaction transaction, CancellationToken ct);
}
