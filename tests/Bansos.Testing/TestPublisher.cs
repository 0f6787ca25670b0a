using MassTransit;

namespace Bansos.Testing;

/// <summary>
/// Another service on the real broker, for tests: publishes events as the registry or payout would
/// (optionally under a chosen message id, to deliver the same message twice).
/// </summary>
public sealed class TestPublisher : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly IBusControl bus;

    private TestPublisher(IBusControl bus) => this.bus = bus;

    public static async Task<TestPublisher> StartAsync(string brokerUri)
    {
        await RequiresServer.RabbitMqAsync();
        var uri = new Uri(brokerUri);
        var user = uri.UserInfo.Split(':', 2);
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(
            uri.Host, (ushort)(uri.IsDefaultPort || uri.Port < 0 ? 5672 : uri.Port), vhost.Length == 0 ? "/" : vhost, host =>
            {
                host.Username(user.Length > 0 && user[0].Length > 0 ? Uri.UnescapeDataString(user[0]) : "guest");
                host.Password(user.Length > 1 ? Uri.UnescapeDataString(user[1]) : "guest");
            }));
        using var start = new CancellationTokenSource(Timeout);
        await bus.StartAsync(start.Token);
        return new TestPublisher(bus);
    }

    public Task PublishAsync<T>(T message, Guid? messageId = null)
        where T : class =>
        messageId is { } id ? bus.Publish(message, context => context.MessageId = id) : bus.Publish(message);

    public async ValueTask DisposeAsync() => await bus.StopAsync();
}
