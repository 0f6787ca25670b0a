using RabbitMQ.Client;

namespace Bansos.Benchmarks.Relay;

/// <summary>
/// A durable queue bound to the benchmark event's exchange (MassTransit's name for it), so publishes
/// are confirmed only once the broker has them in a queue; deleted at the end with its exchange.
/// </summary>
public sealed class BenchmarkQueue : IAsyncDisposable
{
    private static readonly string Exchange = $"{typeof(RelayBenchmarkEvent).Namespace}:{nameof(RelayBenchmarkEvent)}";

    private readonly IConnection connection;
    private readonly IChannel channel;
    private readonly string queue = $"bansos-relaybench-{Guid.NewGuid():N}";

    private BenchmarkQueue(IConnection connection, IChannel channel)
    {
        this.connection = connection;
        this.channel = channel;
    }

    public static async Task<BenchmarkQueue> CreateAsync(string uri)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var sink = new BenchmarkQueue(connection, channel);
        // The same arguments MassTransit declares the exchange with, so either may declare it first.
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        await channel.QueueDeclareAsync(sink.queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(sink.queue, Exchange, "");
        return sink;
    }

    public Task PurgeAsync() => channel.QueuePurgeAsync(queue);

    /// <summary>The queue's depth once it reaches <paramref name="expected"/>, or after 10 s without (a check, not a wait for the relay).</summary>
    public async Task<uint> WaitForAsync(int expected)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        uint count;
        while ((count = (await channel.QueueDeclarePassiveAsync(queue)).MessageCount) < expected && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        await channel.QueueDeleteAsync(queue);
        await channel.ExchangeDeleteAsync(Exchange, ifUnused: true);
        await channel.CloseAsync();
        await connection.CloseAsync();
        channel.Dispose();
        connection.Dispose();
    }
}
