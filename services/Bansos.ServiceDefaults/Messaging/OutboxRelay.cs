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
/// Publishes committed outbox rows in id order, one at a time with the broker's confirm, then
/// marks them sent. A failure stops the batch (rows after it wait, so order holds) and the relay
/// backs off and tries again; a crash between publish and mark publishes that row again with the
/// same MessageId, which inboxes drop. PostgreSQL: one relay at a time across instances
/// (transaction-scoped advisory lock); SQLite: one per process and file.
/// </summary>
internal sealed partial class OutboxRelay(
    IDatabase database,
    IBus bus,
    OutboxSignal signal,
    OutboxOptions options,
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
                await Task.Delay(backoff, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                continue;
            }

            if (published < options.BatchSize)
            {
                await signal.WaitAsync(options.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
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

    /// <summary>Publishes a batch in order; stops at the first failure and returns it with what was done.</summary>
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

        var sent = new List<long>(rows.Count);
        OutboxRow? current = null;
        try
        {
            foreach (var row in rows)
            {
                current = row;
                if (!TryRead(row, out var message, out var type, out var error))
                {
                    await MarkFailedAsync(connection, transaction, row, error, ct);
                    continue;
                }

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(options.PublishTimeout);
                var messageId = row.MessageId;
                // With publisher confirms on, this completes when the broker has the message.
                await bus.Publish(message, type, Pipe.Execute<PublishContext>(context => context.MessageId = messageId), timeout.Token);
                sent.Add(row.Id);
            }
        }
        catch (Exception ex)
        {
            // Keep what did go out, so it is not published again, then let the loop back off.
            await MarkSentAsync(connection, transaction, sent, CancellationToken.None);
            if (current is not null)
            {
                await RecordAttemptAsync(connection, transaction, current, ex, CancellationToken.None);
            }

            return (sent.Count, ex);
        }

        await MarkSentAsync(connection, transaction, sent, ct);
        if (sent.Count > 0)
        {
            LogPublished(sent.Count);
        }

        return (rows.Count, null);
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

        // Dapper expands "IN @ids" for SQLite but sends an array to Npgsql, which wants "= ANY(@ids)".
        var sql = "UPDATE outbox_messages SET sent_at = @now, attempts = attempts + 1 WHERE id " +
                  (database.Dialect == DbDialect.Postgres ? "= ANY(@ids)" : "IN @ids");
        if (transaction is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, new { now = time.GetUtcNow(), ids = ids.ToArray() }, transaction, cancellationToken: ct));
            return;
        }

        await using var own = await BeginAsync(connection, ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { now = time.GetUtcNow(), ids = ids.ToArray() }, own, cancellationToken: ct));
        await own.CommitAsync(ct);
    }

    private async Task RecordAttemptAsync(DbConnection connection, DbTransaction? transaction, OutboxRow row, Exception ex, CancellationToken ct)
    {
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE outbox_messages SET attempts = attempts + 1, last_error = @error WHERE id = @id",
                new { id = row.Id, error = Truncate(ex.GetType().Name + ": " + ex.Message) }, transaction, cancellationToken: ct));
        }
        catch (Exception)
        {
            // Bookkeeping only; the row stays unsent either way.
        }
    }

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

    private static async ValueTask<DbTransaction> BeginAsync(DbConnection connection, CancellationToken ct) =>
        connection is Microsoft.Data.Sqlite.SqliteConnection sqlite
            ? sqlite.BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: false)
            : await connection.BeginTransactionAsync(ct);

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
