using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Storage;
using Bansos.ServiceDefaults.Tests.Support;
using Bansos.Testing;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bansos.ServiceDefaults.Tests;

/// <summary>The outbox and inbox through the real RabbitMQ.</summary>
public sealed class OutboxTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbDialect.Sqlite)]
    [InlineData(DbDialect.Postgres)]
    public async Task An_event_enqueued_in_a_committed_transaction_arrives_once(DbDialect dialect)
    {
        await RequiresServer.RabbitMqAsync();
        await using var db = await TestDatabases.CreateAsync(dialect);
        var log = new ProbeLog(Guid.NewGuid().ToString("N"));
        var service = TestMessaging.UniqueServiceName("outbox");
        using var host = await StartHostAsync(db, service, log);

        var messageId = await EnqueueAsync(host, new OutboxProbe(log.RunId, 1));
        await log.WaitAppliedAsync(1);

        Assert.Equal(1, log.AppliedCount(1));
        Assert.Equal(1, await ScalarAsync(host, "SELECT COUNT(*) FROM probe_effects WHERE number = 1"));
        Assert.Equal(1, await ScalarAsync(host, "SELECT COUNT(*) FROM inbox_messages WHERE message_id = @messageId", new { messageId }));
        await WaitUntilSentAsync(host, messageId);
        await host.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_rolled_back_transaction_publishes_nothing()
    {
        await RequiresServer.RabbitMqAsync();
        await using var db = TestDatabases.CreateSqlite();
        var log = new ProbeLog(Guid.NewGuid().ToString("N"));
        using var host = await StartHostAsync(db, TestMessaging.UniqueServiceName("rollback"), log);
        var database = host.Services.GetRequiredService<IDatabase>();
        var outbox = host.Services.GetRequiredService<IOutbox>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => database.InTransactionAsync(async (connection, transaction) =>
        {
            await outbox.EnqueueAsync(connection, transaction, new OutboxProbe(log.RunId, 1), Ct);
            throw new InvalidOperationException("the payout was declined after all");
        }, ct: Ct));
        // A marker after it: the relay publishes in order, so once the marker is through, probe 1 would have been too.
        await EnqueueAsync(host, new OutboxProbe(log.RunId, 2));
        await log.WaitAppliedAsync(2);

        Assert.Equal(0, log.AppliedCount(1));
        Assert.Equal(1, await ScalarAsync(host, "SELECT COUNT(*) FROM outbox_messages"));
        Assert.Equal(0, await ScalarAsync(host, "SELECT COUNT(*) FROM probe_effects WHERE number = 1"));
        await host.StopAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData(DbDialect.Sqlite)]
    [InlineData(DbDialect.Postgres)]
    public async Task An_event_committed_before_a_crash_is_delivered_by_the_next_start(DbDialect dialect)
    {
        await RequiresServer.RabbitMqAsync();
        await using var db = await TestDatabases.CreateAsync(dialect);
        var log = new ProbeLog(Guid.NewGuid().ToString("N"));
        var service = TestMessaging.UniqueServiceName("crash");

        // First life: the transaction commits, then the process dies before its relay ever runs.
        Guid messageId;
        using (var first = await StartHostAsync(db, service, log, relay: false, consumer: false))
        {
            messageId = await EnqueueAsync(first, new OutboxProbe(log.RunId, 7));
            await first.StopAsync(CancellationToken.None);
        }

        Assert.Equal(0, log.AppliedCount(7));
        await using (var connection = await db.Database.OpenConnectionAsync(Ct))
        {
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NULL"));
        }

        // Second life on the same database: the relay finds the row and publishes it.
        using var second = await StartHostAsync(db, service, log);
        await log.WaitAppliedAsync(7);
        await WaitUntilSentAsync(second, messageId);
        Assert.Equal(1, log.AppliedCount(7));
        await second.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task While_the_broker_is_unreachable_events_wait_and_are_delivered_later()
    {
        await RequiresServer.RabbitMqAsync();
        await using var db = TestDatabases.CreateSqlite();
        var log = new ProbeLog(Guid.NewGuid().ToString("N"));
        var service = TestMessaging.UniqueServiceName("outage");

        // A broker nobody listens on: the service still starts and commits; the relay keeps failing and backing off.
        Guid messageId;
        using (var cut = await StartHostAsync(db, service, log, consumer: false, overrides:
               [
                   new("ConnectionStrings:rabbitmq", "amqp://guest:guest@127.0.0.1:1/"),
                   new("Bansos:RabbitMq:WaitUntilStarted", "false"),
                   new("Bansos:Outbox:PublishTimeout", "00:00:01"),
                   new("Bansos:Outbox:MaxBackoff", "00:00:01"),
               ]))
        {
            messageId = await EnqueueAsync(cut, new OutboxProbe(log.RunId, 5));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(ProbeLog.Timeout);
            while (await ScalarAsync(cut, "SELECT COUNT(*) FROM outbox_messages WHERE attempts >= 2 AND sent_at IS NULL AND last_error IS NOT NULL") == 0)
            {
                await Task.Delay(50, timeout.Token);
            }

            await cut.StopAsync(CancellationToken.None);
        }

        // The broker is back (a host that can reach it): the waiting event goes out.
        using var host = await StartHostAsync(db, service, log);
        await log.WaitAppliedAsync(5);
        await WaitUntilSentAsync(host, messageId);
        await host.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_redelivered_message_is_applied_once()
    {
        await RequiresServer.RabbitMqAsync();
        await using var db = TestDatabases.CreateSqlite();
        var log = new ProbeLog(Guid.NewGuid().ToString("N"));
        using var host = await StartHostAsync(db, TestMessaging.UniqueServiceName("inbox"), log, relay: false);
        var bus = host.Services.GetRequiredService<IBus>();
        using var observer = bus.ConnectConsumeObserver(new DeliveryObserver(log));
        var messageId = NewId.NextGuid();

        // What a relay that crashed between publish and "mark sent" does: the same MessageId twice.
        for (var i = 0; i < 2; i++)
        {
            await bus.Publish(new OutboxProbe(log.RunId, 3), context => context.MessageId = messageId, Ct);
        }

        await log.WaitDeliveredAsync(messageId, 2);
        Assert.Equal(1, log.AppliedCount(3));
        Assert.Equal(1, await ScalarAsync(host, "SELECT COUNT(*) FROM probe_effects WHERE number = 3"));
        Assert.Equal(1, await ScalarAsync(host, "SELECT COUNT(*) FROM inbox_messages WHERE message_id = @messageId", new { messageId }));
        await host.StopAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // EnqueueManyAsync: one bulk write, same order
    public async Task Events_are_published_in_the_order_they_were_written(bool inOneBatch)
    {
        await RequiresServer.RabbitMqAsync();
        await using var db = TestDatabases.CreateSqlite();
        var log = new ProbeLog(Guid.NewGuid().ToString("N"));
        var service = TestMessaging.UniqueServiceName("order");
        using (var writer = await StartHostAsync(db, service, log, relay: false, consumer: false))
        {
            if (inOneBatch)
            {
                var outbox = writer.Services.GetRequiredService<IOutbox>();
                await writer.Services.GetRequiredService<IDatabase>().InTransactionAsync(
                    (connection, transaction) => outbox.EnqueueManyAsync(
                        connection, transaction, Enumerable.Range(1, 20).Select(i => (object)new OutboxProbe(log.RunId, i)), Ct),
                    ct: Ct);
            }
            else
            {
                for (var i = 1; i <= 20; i++)
                {
                    await EnqueueAsync(writer, new OutboxProbe(log.RunId, i));
                }
            }

            await writer.StopAsync(CancellationToken.None);
        }

        // A single in-order listener, bound before any relay runs: a temporary endpoint with one consumer slot.
        await using var listenerDb = TestDatabases.CreateSqlite();
        using var listener = await StartHostAsync(listenerDb, TestMessaging.UniqueServiceName("listener"), log, relay: false, consumer: false);
        var received = new List<int>();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handle = listener.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint(endpoint =>
        {
            endpoint.PrefetchCount = 1;
            endpoint.ConcurrentMessageLimit = 1;
            endpoint.Handler<OutboxProbe>(context =>
            {
                if (context.Message.RunId == log.RunId)
                {
                    lock (received)
                    {
                        received.Add(context.Message.Number);
                        if (received.Count == 20)
                        {
                            all.TrySetResult();
                        }
                    }
                }

                return Task.CompletedTask;
            });
        });
        await handle.Ready.WaitAsync(ProbeLog.Timeout, Ct);

        using var host = await StartHostAsync(db, service, log, relay: true, consumer: false);
        await all.Task.WaitAsync(ProbeLog.Timeout, Ct);
        lock (received)
        {
            Assert.Equal(Enumerable.Range(1, 20), received);
        }

        await handle.StopAsync(Ct);
        await host.StopAsync(CancellationToken.None);
        await listener.StopAsync(CancellationToken.None);
    }

    private static async Task<IHost> StartHostAsync(
        TestDatabase db, string service, ProbeLog log, bool relay = true, bool consumer = true,
        IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(
        [
            .. db.Settings(service),
            .. TestMessaging.Settings(),
            new("Bansos:Outbox:RelayEnabled", relay ? "true" : "false"),
        ]);
        builder.Configuration.AddInMemoryCollection(overrides ?? []);
        builder.AddBansosStorage(service, typeof(TestMigrations).Assembly);
        builder.AddBansosMessaging(service, consumer ? bus => bus.AddConsumer<ProbeConsumer>() : null);
        builder.Services.AddSingleton(log);
        var host = builder.Build();
        await host.StartAsync(Ct);
        return host;
    }

    private static async Task<Guid> EnqueueAsync(IHost host, OutboxProbe probe)
    {
        var database = host.Services.GetRequiredService<IDatabase>();
        var outbox = host.Services.GetRequiredService<IOutbox>();
        return await database.InTransactionAsync((connection, transaction) => outbox.EnqueueAsync(connection, transaction, probe, Ct), ct: Ct);
    }

    private static async Task<long> ScalarAsync(IHost host, string sql, object? parameters = null)
    {
        await using var connection = await host.Services.GetRequiredService<IDatabase>().OpenConnectionAsync(Ct);
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    /// <summary>The consumer may see the message a moment before the relay records the confirm.</summary>
    private static async Task WaitUntilSentAsync(IHost host, Guid messageId)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(ProbeLog.Timeout);
        while (await ScalarAsync(host, "SELECT COUNT(*) FROM outbox_messages WHERE message_id = @messageId AND sent_at IS NOT NULL", new { messageId }) == 0)
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
