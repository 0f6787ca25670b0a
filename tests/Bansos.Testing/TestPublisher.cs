using MassTransit;

namespace Bansos.Testing;

/// <summary>
/// Another service on the real broker, for tests: publishes events as the registry or payout would
/// (optionally under a chosen message id, to deliver the same message twice) and, when started with
/// <see cref="StartListeningAsync{T}"/>, consumes an event as another service would (its
/// <see cref="Received"/> tells what arrived). The one test broker client of every test project.
/// </summary>
public sealed class TestPublisher : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly IBusControl bus;

    private TestPublisher(IBusControl bus, ConsumedMessages received)
    {
        this.bus = bus;
        Received = received;
    }

    /// <summary>The messages this bus consumed (none unless started with <see cref="StartListeningAsync{T}"/>).</summary>
    public ConsumedMessages Received { get; }

    public static Task<TestPublisher> StartAsync(string brokerUri) => StartAsync(brokerUri, null);

    /// <summary>
    /// Also consumes <typeparamref name="T"/>, on a queue of its own that goes away with the bus, as a
    /// subscribing service would: wait for one with <c>Received.WaitForAsync</c>.
    /// </summary>
    public static Task<TestPublisher> StartListeningAsync<T>(string brokerUri)
        where T : class =>
        StartListeningAsync(brokerUri, "tests-" + typeof(T).Name, endpoint => endpoint.Handler<T>(_ => Task.CompletedTask));

    /// <summary>
    /// Consumes what <paramref name="listen"/> subscribes the endpoint to (<c>endpoint.Handler&lt;T&gt;</c> per
    /// event type), on one queue of its own named after <paramref name="queuePrefix"/> that goes away with the bus.
    /// </summary>
    public static Task<TestPublisher> StartListeningAsync(string brokerUri, string queuePrefix, Action<IReceiveEndpointConfigurator> listen) =>
        StartAsync(brokerUri, cfg => cfg.ReceiveEndpoint(TestMessaging.UniqueServiceName(queuePrefix), endpoint =>
        {
            endpoint.AutoDelete = true;
            endpoint.Durable = false;
            listen(endpoint);
        }));

    public Task PublishAsync<T>(T message, Guid? messageId = null)
        where T : class =>
        messageId is { } id ? bus.Publish(message, context => context.MessageId = id) : bus.Publish(message);

    public async ValueTask DisposeAsync() => await bus.StopAsync();

    private static async Task<TestPublisher> StartAsync(string brokerUri, Action<IRabbitMqBusFactoryConfigurator>? endpoints)
    {
        await RequiresServer.RabbitMqAsync();
        var uri = new Uri(brokerUri);
        var user = uri.UserInfo.Split(':', 2);
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(uri.Host, (ushort)(uri.IsDefaultPort || uri.Port < 0 ? 5672 : uri.Port), vhost.Length == 0 ? "/" : vhost, host =>
            {
                host.Username(user.Length > 0 && user[0].Length > 0 ? Uri.UnescapeDataString(user[0]) : "guest");
                host.Password(user.Length > 1 ? Uri.UnescapeDataString(user[1]) : "guest");
            });
            endpoints?.Invoke(cfg);
        });
        var received = new ConsumedMessages();
        bus.ConnectConsumeObserver(received);
        using var start = new CancellationTokenSource(Timeout);
        await bus.StartAsync(start.Token);
        return new TestPublisher(bus, received);
    }
}
