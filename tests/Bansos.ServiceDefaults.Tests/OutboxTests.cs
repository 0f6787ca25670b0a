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
    [EveryDialect]
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

        await Assert.ThrowsAsync<InvalidOperationException>(() => database.WriteAsync(async (connection, transaction) =>
        {
            await outbox.EnqueueAsync(connection, transaction, new OutboxProbe(log.RunId, 1), Ct);
            throw new InvalidOperationException("the payout was declined after all");
        }, ct: Ct));
        // A marker after it: once the marker is marked sent, a row before it would have been published too
        // (in its batch or an earlier one); the outbox holds only the marker, so probe 1 never existed for the relay.
        var marker = await EnqueueAsync(host, new OutboxProbe(log.RunId, 2));
        await log.WaitAppliedAsync(2);
        await WaitUntilSentAsync(host, marker);

        Assert.Equal(0, log.AppliedCount(1));
        Assert.Equal(1, await ScalarAsync(host, "SELECT COUNT(*) FROM outbox_messages"));
        Assert.Equal(0, await ScalarAsync(host, "SELECT COUNT(*) FROM probe_effects WHERE number = 1"));
        await host.StopAsync(CancellationToken.None);
    }

    [Theory]
    [EveryDialect]
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
    public async Task With_one_publish_in_flight_events_are_published_in_the_order_they_were_written(bool inOneBatch)
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
                await writer.Services.GetRequiredService<IDatabase>().WriteAsync(
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

        // Strict id order is what MaxInFlight = 1 promises; with more in flight, rows of a batch may overtake each other.
        using var host = await StartHostAsync(db, service, log, relay: true, consumer: false, overrides: [new("Bansos:Outbox:MaxInFlight", "1")]);
        await all.Task.WaitAsync(ProbeLog.Timeout, Ct);
        lock (received)
        {
            Assert.Equal(Enumerable.Range(1, 20), received);
        }

        await handle.StopAsync(Ct);
        await host.StopAsync(CancellationToken.None);
        await listener.StopAsync(CancellationToken.None);
    }

    [Theory]
    [EveryDialect]
    public async Task Batches_larger_than_MaxInFlight_are_applied_exactly_once(DbDialect dialect)
    {
        await RequiresServer.RabbitMqAsync();
        await using var db = await TestDatabases.CreateAsync(dialect);
        var log = new ProbeLog(Guid.NewGuid().ToString("N"));
        var service = TestMessaging.UniqueServiceName("inflight");
        const int count = 1_000;
        using (var writer = await StartHostAsync(db, service, log, relay: false, consumer: false))
        {
            await EnqueueManyAsync(writer, log, count);
            await writer.StopAsync(CancellationToken.None);
        }

        // Four batches of up to 300 rows, 16 publishes in flight at a time.
        using var host = await StartHostAsync(db, service, log, overrides:
        [
            new("Bansos:Outbox:BatchSize", "300"),
            new("Bansos:Outbox:MaxInFlight", "16"),
        ]);
        await WaitForCountAsync(host, "SELECT COUNT(*) FROM probe_effects WHERE run_id = @runId", count, new { runId = log.RunId });
        await WaitForCountAsync(host, "SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NOT NULL", count);

        Assert.All(Enumerable.Range(1, count), number => Assert.Equal(1, log.AppliedCount(number)));
        Assert.Equal(count, await ScalarAsync(host, "SELECT COUNT(*) FROM inbox_messages"));
        // Each row went out once and was marked once: no retry, no second publish.
        Assert.Equal(0, await ScalarAsync(host, "SELECT COUNT(*) FROM outbox_messages WHERE attempts <> 1"));
        await host.StopAsync(CancellationToken.None);
    }

    [Theory]
    [EveryDialect]
    public async Task While_the_broker_is_down_rows_wait_with_their_attempts_and_the_same_relay_sends_them_when_it_is_back(DbDialect dialect)
    {
        await RequiresServer.RabbitMqAsync();
        await using var consumerDb = TestDatabases.CreateSqlite();
        await using var db = await TestDatabases.CreateAsync(dialect);
        var log = new ProbeLog(Guid.NewGuid().ToString("N"));
        await using var broker = new BrokerSwitch(new Uri(TestServers.RabbitMq));

        // The consumer is bound on the real broker; the relay's host reaches it only through the switch, which starts down.
        using var consumer = await StartHostAsync(consumerDb, TestMessaging.UniqueServiceName("back"), log, relay: false);
        using var relay = await StartHostAsync(db, TestMessaging.UniqueServiceName("outage"), log, consumer: false, overrides:
        [
            new("ConnectionStrings:rabbitmq", broker.Uri(TestServers.RabbitMq)),
            new("Bansos:RabbitMq:WaitUntilStarted", "false"),
            new("Bansos:Outbox:PublishTimeout", "00:00:01"),
            new("Bansos:Outbox:MaxBackoff", "00:00:01"),
            new("Bansos:Outbox:BatchSize", "50"),
            new("Bansos:Outbox:MaxInFlight", "8"),
        ]);
        const int count = 120;
        await EnqueueManyAsync(relay, log, count);

        // Tried, backed off, tried again: nothing is marked sent, each try is recorded on the rows it started.
        await WaitForCountAsync(relay, "SELECT CASE WHEN MAX(attempts) >= 2 THEN 1 ELSE 0 END FROM outbox_messages", 1);
        Assert.Equal(0, await ScalarAsync(relay, "SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NOT NULL"));
        Assert.Equal(0, await ScalarAsync(relay, "SELECT COUNT(*) FROM outbox_messages WHERE attempts > 0 AND last_error IS NULL"));
        // Once a publish fails no new one starts, so only the first rows (at most MaxInFlight) were ever tried.
        Assert.InRange(await ScalarAsync(relay, "SELECT COUNT(*) FROM outbox_messages WHERE attempts > 0"), 1, 8);

        broker.Connect();
        await WaitForCountAsync(consumer, "SELECT COUNT(*) FROM probe_effects WHERE run_id = @runId", count, new { runId = log.RunId });
        await WaitForCountAsync(relay, "SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NOT NULL", count);
        Assert.All(Enumerable.Range(1, count), number => Assert.Equal(1, log.AppliedCount(number)));
        await relay.StopAsync(CancellationToken.None);
        await consumer.StopAsync(CancellationToken.None);
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
        return await database.WriteAsync((connection, transaction) => outbox.EnqueueAsync(connection, transaction, probe, Ct), ct: Ct);
    }

    private static Task EnqueueManyAsync(IHost host, ProbeLog log, int count)
    {
        var outbox = host.Services.GetRequiredService<IOutbox>();
        return host.Services.GetRequiredService<IDatabase>().WriteAsync(
            (connection, transaction) => outbox.EnqueueManyAsync(
                connection, transaction, Enumerable.Range(1, count).Select(i => (object)new OutboxProbe(log.RunId, i)), Ct),
            ct: Ct);
    }

    /// <summary>Polls until the query answers <paramref name="expected"/>; generous, since the machine is shared.</summary>
    private static async Task WaitForCountAsync(IHost host, string sql, long expected, object? parameters = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        long actual;
        while ((actual = await ScalarAsync(host, sql, parameters)) != expected)
        {
            try
            {
                await Task.Delay(50, timeout.Token);
            }
            catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
            {
                Assert.Fail($"Timed out waiting for {expected} from {sql}; last answer {actual}.");
            }
        }
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
