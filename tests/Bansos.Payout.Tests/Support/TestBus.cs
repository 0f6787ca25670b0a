using System.Collections.Concurrent;
using Bansos.Contracts;
using Bansos.Testing;
using MassTransit;

namespace Bansos.Payout.Tests.Support;

/// <summary>
/// Another service on the real RabbitMQ: publishes registry events as the registry would, and
/// consumes PayoutAuthorized as the complaint service would (its own auto-delete queue).
/// </summary>
public sealed class TestBus : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<PayoutAuthorized>> authorized = new();
    private IBusControl? bus;

    public static async Task<TestBus> StartAsync()
    {
        await RequiresServer.RabbitMqAsync();
        var testBus = new TestBus();
        var uri = new Uri(await PayoutTestBroker.UriAsync());
        var user = uri.UserInfo.Split(':', 2);
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        testBus.bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(uri.Host, (ushort)(uri.IsDefaultPort || uri.Port < 0 ? 5672 : uri.Port), vhost.Length == 0 ? "/" : vhost, host =>
            {
                host.Username(user.Length > 0 && user[0].Length > 0 ? Uri.UnescapeDataString(user[0]) : "guest");
                host.Password(user.Length > 1 ? Uri.UnescapeDataString(user[1]) : "guest");
            });
            cfg.ReceiveEndpoint("payout-tests-" + Guid.NewGuid().ToString("N")[..8], endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Handler<PayoutAuthorized>(context =>
                {
                    testBus.Waiter(context.Message.PayoutId).TrySetResult(context.Message);
                    return Task.CompletedTask;
                });
            });
        });
        using var start = new CancellationTokenSource(Timeout);
        await testBus.bus.StartAsync(start.Token);
        return testBus;
    }

    public Task PublishAsync<T>(T message)
        where T : class => bus!.Publish(message);

    public async Task<PayoutAuthorized> WaitForAuthorizedAsync(Guid payoutId)
    {
        try
        {
            return await Waiter(payoutId).Task.WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"PayoutAuthorized {payoutId} did not arrive within {Timeout.TotalSeconds} s.");
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (bus is not null)
        {
            await bus.StopAsync();
        }
    }

    private TaskCompletionSource<PayoutAuthorized> Waiter(Guid payoutId) =>
        authorized.GetOrAdd(payoutId, _ => new TaskCompletionSource<PayoutAuthorized>(TaskCreationOptions.RunContinuationsAsynchronously));
}
