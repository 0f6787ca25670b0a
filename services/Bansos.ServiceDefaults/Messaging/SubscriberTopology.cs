using Bansos.Contracts;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace Bansos.ServiceDefaults.Messaging;

/// <summary>
/// Declares, from the publishing side, the queues of <see cref="EventSubscriptions"/> exactly as
/// their consumers' receive endpoints declare them — the event's fanout exchange
/// (<c>Namespace:Type</c>) bound to a fanout exchange named like the queue, bound to the durable
/// queue — once per process, before the relay's first publish. An event published before its
/// consumer has ever started then waits in the consumer's queue instead of being confirmed and
/// dropped (docs/decisions.md D42). Idempotent: RabbitMQ keeps what already exists.
/// </summary>
internal sealed partial class SubscriberTopology(RabbitMqSettings rabbit, ILogger<SubscriberTopology> logger)
{
    private volatile bool deployed;

    /// <summary>What the consumer's endpoint declares too: a declare with other arguments would be refused (PRECONDITION_FAILED).</summary>
    private Dictionary<string, object?>? QueueArguments =>
        rabbit.QuorumQueues ? new() { ["x-queue-type"] = "quorum" } : null;

    public async Task EnsureDeployedAsync(CancellationToken ct)
    {
        // Test queues that vanish with their consumer are declared differently (auto-delete): not mirrored.
        if (deployed || !rabbit.DeclareSubscriberQueues || rabbit.AutoDeleteQueues)
        {
            return;
        }

        await using var connection = await BrokerConnections.Factory(rabbit, "bansos-subscriber-topology").CreateConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        foreach (var (queue, messageType) in EventSubscriptions.All)
        {
            var messageExchange = $"{messageType.Namespace}:{messageType.Name}"; // MassTransit's exchange name for the type
            await channel.ExchangeDeclareAsync(messageExchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
            await channel.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
            await channel.ExchangeBindAsync(queue, messageExchange, "", cancellationToken: ct);
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: QueueArguments, cancellationToken: ct);
            await channel.QueueBindAsync(queue, queue, "", cancellationToken: ct);
        }

        deployed = true;
        LogDeployed(EventSubscriptions.All.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Declared {Count} subscriber queues before the first publish")]
    private partial void LogDeployed(int count);
}
