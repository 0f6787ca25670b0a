using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Bansos.ServiceDefaults.Storage;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bansos.ServiceDefaults.Messaging;

/// <summary>
/// Publishes committed outbox rows in batches (oldest ids first), with up to
/// <see cref="OutboxOptions.MaxInFlight"/> publishes awaiting the broker's confirm at once, and marks a
/// row sent only after its confirm. A failure stops the batch: confirmed rows are marked sent, each
/// failed row records its attempt, rows not yet started wait, and the relay backs off and tries the
/// rest again; a row published twice (a retry, or a crash between confirm and mark) keeps its
/// MessageId, which inboxes drop. Order: with more than one publish in flight, rows of a batch may
/// reach the broker out of id order and a retried row arrives after later ones; consumers rely on the
/// events' aggregate versions (docs/decisions.md D3), not on arrival order. MaxInFlight = 1 keeps
/// strict id order. PostgreSQL: one relay at a time across instances (transaction-scoped advisory
/// lock); SQLite: one per process and file.
/// </summary>
internal sealed partial class OutboxRelay(
    IDatabase database,
    IBus bus,
    OutboxSignal signal,
    OutboxOptions options,
    RabbitMqSettings rabbit,
    SubscriberTopology topology,
    MigrationGate gate,
    TimeProvider time,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    /// <summary>"OUTBOX" in ASCII: the advisory lock key of the relay on PostgreSQL.</summary>
    private const long RelayLockKey = 0x4F5554424F58;

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteRelayLocks = new();
    private static readonly ConcurrentDictionary<string, Type?> Types = new();

    private DateTimeOffset nextCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.RelayEnabled)
        {
            return;
        }

        await gate.WaitAsync(stoppingToken);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            int published;
            try
            {
                // Before anything is published: the queues of every subscriber exist (D42).
                await topology.EnsureDeployedAsync(stoppingToken);
                published = await RelayBatchAsync(stoppingToken);
                failures = 0;
                await CleanUpIfDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                var backoff = TimeSpan.FromMilliseconds(Math.Min(
                    options.MaxBackoff.TotalMilliseconds,
                    250 * Math.Pow(2, Math.Min(failures, 16)) * (0.75 + (Random.Shared.NextDouble() / 2))));
                LogRelayFailed(ex, failures, backoff);
                await BackOffAsync(backoff, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                continue;
            }

            if (published < options.BatchSize)
            {
                await signal.WaitAsync(options.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>
    /// Waits out the back-off — but while the broker refuses connections, only until it accepts them
    /// again (probed every <see cref="BrokerProbeInterval"/>), so that events flow within a second of
    /// the broker's return rather than at the end of a back-off grown during the outage (D43).
    /// </summary>
    private async Task BackOffAsync(TimeSpan backoff, CancellationToken ct)
    {
        var until = time.GetUtcNow() + backoff;
        if (await BrokerAcceptsAsync(ct))
        {
            await Task.Delay(backoff, time, ct); // the broker is there and failing: the full back-off
            return;
        }

        while (time.GetUtcNow() < until)
        {
            var wait = until - time.GetUtcNow();
            await Task.Delay(wait < BrokerProbeInterval ? wait : BrokerProbeInterval, time, ct);
            if (await BrokerAcceptsAsync(ct))
            {
                return;
            }
        }
    }

    private static readonly TimeSpan BrokerProbeInterval = TimeSpan.FromMilliseconds(250);

    private async Task<bool> BrokerAcceptsAsync(CancellationToken ct)
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(rabbit.Host, rabbit.Port, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Publishes one batch; returns how many rows it handled.</summary>
    internal async Task<int> RelayBatchAsync(CancellationToken ct)
    {
        if (database.Dialect == DbDialect.Postgres)
        {
            await using var connection = await database.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var mine = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT pg_try_advisory_xact_lock(@key)", new { key = RelayLockKey }, transaction, cancellationToken: ct));
            if (!mine)
            {
                return 0; // another instance is relaying; poll again later in case it dies
            }

            var (count, failure) = await PublishAndMarkAsync(connection, transaction, ct);
            // Commit even after a failure: the rows that did go out are marked sent in this transaction.
            await transaction.CommitAsync(failure is null ? ct : CancellationToken.None);
            return failure is null ? count : throw failure;
        }

        var gateLock = SqliteRelayLocks.GetOrAdd((database as SqliteDatabase)?.FilePath ?? "", _ => new SemaphoreSlim(1, 1));
        await gateLock.WaitAsync(ct);
        try
        {
            // No transaction around the publishes: it would hold SQLite's single write lock while waiting for the broker.
            await using var connection = await database.OpenConnectionAsync(ct);
            var (count, failure) = await PublishAndMarkAsync(connection, null, ct);
            return failure is null ? count : throw failure;
        }
        finally
        {
            gateLock.Release();
        }
    }

    /// <summary>
    /// Publishes a batch with up to <see cref="OutboxOptions.MaxInFlight"/> publishes awaiting their
    /// confirms at once, started in id order. After the first failure no further publish starts; those
    /// in flight are awaited, the confirmed ones are marked sent and each failed one records its attempt.
    /// Returns how many rows were handled and the first failure.
    /// </summary>
    private async Task<(int Count, Exception? Failure)> PublishAndMarkAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        var rows = (await connection.QueryAsync<OutboxRow>(new CommandDefinition(
            """
            SELECT id AS Id, message_id AS MessageId, message_type AS MessageType, body AS Body
            FROM outbox_messages
            WHERE sent_at IS NULL AND failed_at IS NULL
            ORDER BY id
            LIMIT @limit
            """,
            new { limit = options.BatchSize }, transaction, cancellationToken: ct))).ToList();
        if (rows.Count == 0)
        {
            return (0, null);
        }

        var readable = new List<(OutboxRow Row, object Message, Type Type)>(rows.Count);
        foreach (var row in rows)
        {
            if (TryRead(row, out var message, out var type, out var error))
            {
                readable.Add((row, message, type));
            }
            else
            {
                await MarkFailedAsync(connection, transaction, row, error, ct);
            }
        }

        var publishes = new List<(OutboxRow Row, Task Confirmed)>(readable.Count);
        Exception? failure = null;
        using (var slots = new SemaphoreSlim(options.MaxInFlight, options.MaxInFlight))
        {
            try
            {
                foreach (var (row, message, type) in readable)
                {
                    await slots.WaitAsync(ct);
                    if (Volatile.Read(ref failure) is not null)
                    {
                        slots.Release();
                        break; // the broker is failing: leave the rest for the retry after the back-off
                    }

                    // Not cancelled by stopping: a publish once started ends by its confirm or its timeout, so a
                    // service that stops marks what went out instead of abandoning (and logging) a batch in flight.
                    publishes.Add((row, PublishAsync(row, message, type, slots)));
                }
            }
            catch (OperationCanceledException ex)
            {
                Interlocked.CompareExchange(ref failure, ex, null); // stopping: what is in flight is still awaited and recorded
            }

            // Every started publish ends (confirm, failure or its timeout) before the semaphore goes away.
            await Task.WhenAll(publishes.Select(p => p.Confirmed)).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        var sent = publishes.Where(p => p.Confirmed.IsCompletedSuccessfully).Select(p => p.Row.Id).ToList();
        if (failure is null)
        {
            await MarkSentAsync(connection, transaction, sent, ct);
            if (sent.Count > 0)
            {
                LogPublished(sent.Count);
            }

            return (rows.Count, null);
        }

        // Keep what did go out, so it is not published again, then let the loop back off.
        await MarkSentAsync(connection, transaction, sent, CancellationToken.None);
        // One statement per distinct error: a broker outage fails everything in flight the same way.
        foreach (var failed in publishes
                     .Where(p => !p.Confirmed.IsCompletedSuccessfully)
                     .GroupBy(p => Describe(p.Confirmed.Exception?.InnerException ?? failure)))
        {
            await RecordAttemptAsync(connection, transaction, [.. failed.Select(p => p.Row.Id)], failed.Key, CancellationToken.None);
        }

        return (sent.Count, failure);

        async Task PublishAsync(OutboxRow row, object message, Type type, SemaphoreSlim slot)
        {
            try
            {
                using var timeout = new CancellationTokenSource(options.PublishTimeout);
                var messageId = row.MessageId;
                // With publisher confirms on, this completes when the broker has the message. Concurrent
                // publishes share the bus's channel and each awaits its own confirm (RabbitMQ.Client 7 tracks them by sequence number).
                await bus.Publish(message, type, Pipe.Execute<PublishContext>(context => context.MessageId = messageId), timeout.Token);
            }
            catch (Exception ex)
            {
                Interlocked.CompareExchange(ref failure, ex, null);
                throw;
            }
            finally
            {
                slot.Release();
            }
        }
    }

    private static bool TryRead(OutboxRow row, out object message, out Type type, out string error)
    {
        message = null!;
        error = "";
        type = Types.GetOrAdd(row.MessageType, name => Type.GetType(name, throwOnError: false))!;
        if (type is null)
        {
            error = $"unknown message type {row.MessageType}";
            return false;
        }

        try
        {
            message = JsonSerializer.Deserialize(row.Body, type, MessageJson.Options)!;
            if (message is null)
            {
                error = "body is null";
                return false;
            }

            return true;
        }
        catch (JsonException ex)
        {
            error = "unreadable body: " + ex.Message;
            return false;
        }
    }

    private async Task MarkSentAsync(DbConnection connection, DbTransaction? transaction, List<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var sql = "UPDATE outbox_messages SET sent_at = @now, attempts = attempts + 1 WHERE id " + IdsIn;
        if (transaction is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, new { now = time.GetUtcNow(), ids = ids.ToArray() }, transaction, cancellationToken: ct));
            return;
        }

        await using var own = await database.BeginWriteAsync(connection, null, ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { now = time.GetUtcNow(), ids = ids.ToArray() }, own, cancellationToken: ct));
        await own.CommitAsync(ct);
    }

    private async Task RecordAttemptAsync(DbConnection connection, DbTransaction? transaction, long[] ids, string error, CancellationToken ct)
    {
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE outbox_messages SET attempts = attempts + 1, last_error = @error WHERE id " + IdsIn,
                new { ids, error }, transaction, cancellationToken: ct));
        }
        catch (Exception)
        {
            // Bookkeeping only; the rows stay unsent either way.
        }
    }

    private static string Describe(Exception ex) => Truncate(ex.GetType().Name + ": " + ex.Message);

    private async Task MarkFailedAsync(DbConnection connection, DbTransaction? transaction, OutboxRow row, string error, CancellationToken ct)
    {
        LogUnpublishable(row.Id, row.MessageId, error);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox_messages SET failed_at = @now, last_error = @error WHERE id = @id",
            new { id = row.Id, now = time.GetUtcNow(), error = Truncate(error) }, transaction, cancellationToken: ct));
    }

    private async Task CleanUpIfDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (now < nextCleanup)
        {
            return;
        }

        nextCleanup = now + options.CleanupInterval;
        await using var connection = await database.OpenConnectionAsync(ct);
        var outbox = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM outbox_messages WHERE sent_at IS NOT NULL AND sent_at < @cutoff",
            new { cutoff = now - options.SentRetention }, cancellationToken: ct));
        var inbox = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM inbox_messages WHERE received_at < @cutoff",
            new { cutoff = now - options.InboxRetention }, cancellationToken: ct));
        if (outbox + inbox > 0)
        {
            LogCleanedUp(outbox, inbox);
        }
    }

    /// <summary>Dapper expands "IN @ids" for SQLite but sends an array to Npgsql, which wants "= ANY(@ids)".</summary>
    private string IdsIn => database.Dialect == DbDialect.Postgres ? "= ANY(@ids)" : "IN @ids";

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox relay published {Count} messages")]
    private partial void LogPublished(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay failed ({Failures} in a row); retrying in {Backoff}")]
    private partial void LogRelayFailed(Exception exception, int failures, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} ({MessageId}) can never be published and is set aside: {Error}")]
    private partial void LogUnpublishable(long id, Guid messageId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox clean-up removed {Outbox} sent and {Inbox} inbox rows")]
    private partial void LogCleanedUp(int outbox, int inbox);

    private sealed class OutboxRow
    {
        public long Id { get; init; }

        public Guid MessageId { get; init; }

        public string MessageType { get; init; } = "";

        public string Body { get; init; } = "";
    }
}
