using System.Collections.Concurrent;
using Bansos.Contracts;
using Bansos.ServiceDefaults.Messaging;
using Bansos.Testing;
using MassTransit;
using Microsoft.Extensions.Configuration;

namespace Bansos.Registry.Tests.Support;

/// <summary>
/// A consumer on the real RabbitMQ, outside the registry: its own bus with its own auto-deleted queue
/// (a unique name) bound to the registry's event types, on the registry tests' virtual host. Other tests' events reach it too (the exchanges
/// are shared), so every wait filters on ids the test owns.
/// </summary>
public sealed class EventCollector : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly ConcurrentQueue<object> received = new();
    private readonly IBusControl bus;
    private readonly SemaphoreSlim arrived = new(0);

    private EventCollector(string queue, string broker)
    {
        Queue = queue;
        var settings = RabbitMqSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection([new("ConnectionStrings:rabbitmq", broker)])
            .Build());
        bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(settings.Host, settings.Port, settings.VirtualHost, host =>
            {
                host.Username(settings.Username);
                host.Password(settings.Password);
            });
            cfg.ReceiveEndpoint(queue, endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Handler<HouseholdRegistered>(context => Add(context.Message));
                endpoint.Handler<HouseholdChanged>(context => Add(context.Message));
                endpoint.Handler<HouseholdStatusChanged>(context => Add(context.Message));
                endpoint.Handler<CardIssued>(context => Add(context.Message));
                endpoint.Handler<CardStatusChanged>(context => Add(context.Message));
            });
        });
    }

    public string Queue { get; }

    /// <summary>A started collector whose queue is bound before this returns (so nothing published afterwards is missed).</summary>
    public static async Task<EventCollector> StartAsync()
    {
        await RequiresServer.RabbitMqAsync();
        var collector = new EventCollector(TestMessaging.UniqueServiceName("registry-tests-events"), await RegistryTestBroker.UriAsync());
        var handle = await collector.bus.StartAsync(TestContext.Current.CancellationToken);
        await handle.Ready.WaitAsync(Timeout, TestContext.Current.CancellationToken);
        return collector;
    }

    public IReadOnlyList<T> All<T>(Func<T, bool> match) => [.. received.OfType<T>().Where(match)];

    /// <summary>Waits (at most <see cref="Timeout"/>) until <paramref name="count"/> events of type T match.</summary>
    public async Task<IReadOnlyList<T>> WaitForAsync<T>(Func<T, bool> match, int count = 1)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Timeout);
        while (true)
        {
            var found = All(match);
            if (found.Count >= count)
            {
                return found;
            }

            try
            {
                await arrived.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"Timed out after {Timeout.TotalSeconds} s waiting for {count} {typeof(T).Name} on {Queue}; {found.Count} arrived.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await bus.StopAsync(CancellationToken.None);
        arrived.Dispose();
    }

    private Task Add(object message)
    {
        received.Enqueue(message);
        arrived.Release();
        return Task.CompletedTask;
    }
}
