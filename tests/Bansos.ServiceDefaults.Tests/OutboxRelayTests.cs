using System.Collections.Concurrent;
using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Storage;
using Bansos.ServiceDefaults.Tests.Support;
using Bansos.Testing;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bansos.ServiceDefaults.Tests;

/// <summary>
/// The relay's bookkeeping with many publishes in flight, against a bus whose confirms the test
/// releases and fails in an exact order (the broker cannot be made to fail one publish of a batch).
/// </summary>
public sealed class OutboxRelayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [EveryDialect]
    public async Task Publishes_overlap_up_to_MaxInFlight_and_never_more(DbDialect dialect)
    {
        await using var db = await TestDatabases.CreateAsync(dialect);
        await db.MigrateAsync(TestMigrations.All);
        await EnqueueAsync(db, 10);
        var (bus, script) = ScriptedBus.Create();
        // Hold every confirm until 4 are outstanding (or the batch is all started), then release those.
        var held = new List<TaskCompletionSource>();
        var maxHeld = 0;
        script.OnPublish = _ =>
        {
            var confirm = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (held)
            {
                held.Add(confirm);
                maxHeld = Math.Max(maxHeld, held.Count);
                if (held.Count == 4 || script.Calls.Count == 10)
                {
                    held.ForEach(h => h.SetResult());
                    held.Clear();
                }
            }

            return confirm.Task;
        };

        var handled = await Relay(db, bus, maxInFlight: 4).RelayBatchAsync(Ct);

        Assert.Equal(10, handled);
        Assert.Equal(4, maxHeld);
        Assert.Equal(Enumerable.Range(1, 10), script.Calls.Select(c => c.Number)); // started in id order
        Assert.Equal(10, await ScalarAsync(db, "SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NOT NULL AND attempts = 1"));
    }

    [Theory]
    [EveryDialect]
    public async Task A_failed_confirm_keeps_the_confirmed_rows_sent_and_the_rest_is_retried_with_the_same_message_id(DbDialect dialect)
    {
        await using var db = await TestDatabases.CreateAsync(dialect);
        await db.MigrateAsync(TestMigrations.All);
        await EnqueueAsync(db, 10);
        var (bus, script) = ScriptedBus.Create();
        // Rows 1 and 2 are in flight when row 3 fails; their confirms arrive afterwards.
        var held = new ConcurrentQueue<TaskCompletionSource>();
        script.OnPublish = call =>
        {
            if (call.Number == 3)
            {
                foreach (var confirm in held)
                {
                    confirm.SetResult();
                }

                return Task.FromException(new IOException("connection reset by the broker"));
            }

            var pending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            held.Enqueue(pending);
            return pending.Task;
        };
        var relay = Relay(db, bus, maxInFlight: 4);

        var failure = await Assert.ThrowsAsync<IOException>(() => relay.RelayBatchAsync(Ct));

        Assert.Contains("connection reset", failure.Message);
        Assert.Equal([1, 2, 3], script.Calls.Select(c => c.Number)); // nothing new starts after a failure
        var rows = await RowsAsync(db);
        Assert.All(rows.Where(r => r.Number is 1 or 2), r => Assert.True(r is { Sent: true, Attempts: 1, LastError: null }));
        var third = Assert.Single(rows, r => r.Number == 3);
        Assert.False(third.Sent);
        Assert.Equal(1, third.Attempts);
        Assert.StartsWith("IOException: connection reset", third.LastError);
        Assert.All(rows.Where(r => r.Number > 3), r => Assert.True(r is { Sent: false, Attempts: 0, LastError: null }));

        // The broker is back: the next batch is the eight unsent rows, row 3 with the MessageId it had.
        var firstTry = script.Calls.Single(c => c.Number == 3).MessageId;
        script.OnPublish = _ => Task.CompletedTask;
        Assert.Equal(8, await relay.RelayBatchAsync(Ct));
        Assert.Equal(firstTry, script.Calls.Last(c => c.Number == 3).MessageId);
        Assert.Equal(11, script.Calls.Count); // rows 1 and 2 are not published again
        rows = await RowsAsync(db);
        Assert.All(rows, r => Assert.True(r.Sent));
        Assert.Equal(2, rows.Single(r => r.Number == 3).Attempts);
    }

    [Theory]
    [EveryDialect]  // one relay per process and file: the second waits for the first
    public async Task A_second_relay_on_the_same_database_publishes_nothing_while_the_first_has_publishes_in_flight(DbDialect dialect)
    {
        await using var db = await TestDatabases.CreateAsync(dialect);
        await db.MigrateAsync(TestMigrations.All);
        await EnqueueAsync(db, 10);
        var (bus, script) = ScriptedBus.Create();
        var confirms = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        script.OnPublish = _ =>
        {
            if (script.Calls.Count == 10)
            {
                allStarted.TrySetResult();
            }

            return confirms.Task;
        };
        var first = Relay(db, bus, maxInFlight: 10).RelayBatchAsync(Ct);
        await allStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        // Another instance (its own pool), its publishes confirmed at once.
        var (otherBus, otherScript) = ScriptedBus.Create();
        var second = Relay(db.CreateDatabase(), otherBus).RelayBatchAsync(Ct);
        // A broken lock shows within moments (the 10 unsent rows published); a working one never does.
        await Task.WhenAny(second, Task.Delay(TimeSpan.FromSeconds(1), Ct));
        Assert.Empty(otherScript.Calls);

        confirms.SetResult();
        Assert.Equal(10, await first);
        Assert.Equal(0, await second);
        Assert.Empty(otherScript.Calls);
        Assert.Equal(10, await ScalarAsync(db, "SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NOT NULL AND attempts = 1"));
    }

    private static OutboxRelay Relay(TestDatabase db, IBus bus, int maxInFlight) => Relay(db.Database, bus, maxInFlight);

    private static OutboxRelay Relay(IDatabase database, IBus bus, int maxInFlight = 100) =>
        new(database, bus, new OutboxSignal(), new OutboxOptions { MaxInFlight = maxInFlight, BatchSize = 500, PublishTimeout = TimeSpan.FromSeconds(10) },
            Broker, new SubscriberTopology(Broker, NullLogger<SubscriberTopology>.Instance), new MigrationGate(), TimeProvider.System, NullLogger<OutboxRelay>.Instance);

    /// <summary>The relay's broker settings: only probed when a publish fails; no subscriber queues declared.</summary>
    private static RabbitMqSettings Broker { get; } =
        RabbitMqSettings.From(new ConfigurationBuilder().Build()) with { DeclareSubscriberQueues = false };

    private static Task EnqueueAsync(TestDatabase db, int count)
    {
        var outbox = new Outbox(new OutboxSignal(), TimeProvider.System, db.Database);
        return db.Database.WriteAsync(
            (connection, transaction) => outbox.EnqueueManyAsync(
                connection, transaction, Enumerable.Range(1, count).Select(i => (object)new OutboxProbe("relay", i)), Ct),
            ct: Ct);
    }

    private static async Task<long> ScalarAsync(TestDatabase db, string sql)
    {
        await using var connection = await db.Database.OpenConnectionAsync(Ct);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    /// <summary>The rows in id order; Number is the probe's (ids and numbers both follow insertion).</summary>
    private static async Task<List<OutboxState>> RowsAsync(TestDatabase db)
    {
        await using var connection = await db.Database.OpenConnectionAsync(Ct);
        var rows = await connection.QueryAsync<(long Id, DateTimeOffset? SentAt, int Attempts, string? LastError)>(
            "SELECT id, sent_at, attempts, last_error FROM outbox_messages ORDER BY id");
        return [.. rows.Select((r, i) => new OutboxState(i + 1, r.SentAt is not null, r.Attempts, r.LastError))];
    }

    private sealed record OutboxState(int Number, bool Sent, int Attempts, string? LastError);
}
