using System.Text.Json;
using RabbitMQ.Client;

namespace Bansos.Reliability.Tests.Support;

/// <summary>
/// A queue of the test's own bound to one event's exchange (declared as MassTransit declares it),
/// so the test sees every copy the broker routed, then reads them all: message id and body.
/// </summary>
public sealed class EventTap : IAsyncDisposable
{
    private readonly IConnection connection;
    private readonly IChannel channel;
    private readonly string queue;

    private EventTap(IConnection connection, IChannel channel, string queue)
    {
        this.connection = connection;
        this.channel = channel;
        this.queue = queue;
    }

    public static async Task<EventTap> BindAsync(string brokerUri, Type eventType)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(brokerUri) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var exchange = $"{eventType.Namespace}:{eventType.Name}";
        var queue = "tap-" + eventType.Name + "-" + Guid.NewGuid().ToString("N")[..8];
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(queue, exchange, "");
        return new EventTap(connection, channel, queue);
    }

    /// <summary>Every message in the queue now: (MassTransit message id, the message's JSON).</summary>
    public async Task<IReadOnlyList<(Guid MessageId, JsonElement Message)>> DrainAsync()
    {
        var messages = new List<(Guid, JsonElement)>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } delivery)
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            var root = envelope.RootElement;
            messages.Add((Guid.Parse(root.GetProperty("messageId").GetString()!), root.GetProperty("message").Clone()));
        }

        return messages;
    }

    public async ValueTask DisposeAsync()
    {
        await channel.QueueDeleteAsync(queue);
        await channel.DisposeAsync();
        await connection.DisposeAsync();
    }
}
