using System.Data.Common;
using Bansos.ServiceDefaults.Messaging;
using Microsoft.Data.Sqlite;
using Polly;

namespace Bansos.ServiceDefaults.Storage;

/// <summary>
/// A bulk writer's transaction on one connection, committed once per <see cref="Interval"/> rather
/// than after every unit of work (the registry import's batches). Why: a commit writes every page
/// the transaction touched. Random keys (NIK, KK, names) touch most leaf pages of their indexes in
/// every batch, so a thousand small commits write those indexes a thousand times; on SQLite the WAL
/// checkpoint writes them once more. Committing by time bounds both the work that a failure rolls
/// back and how long other writers wait for the lock, and adapts to the machine's speed; on SQLite
/// the window pauses briefly after each commit so that a waiting writer gets its turn.
/// On SQLite the connection also gets a page cache large enough for one window's pages (so they are
/// not spilled into the WAL half-way) and checkpoints less often; both are put back on dispose.
/// The writer works on <see cref="Session"/>, the open transaction's <see cref="DbSession"/>: its enqueued
/// events are written before each commit, and its after-commit work (<see cref="DbSession.OnCommitted"/>,
/// <see cref="TransactionCallbacks.OnCommitted"/>) runs after it, as for <see cref="IDbSessions.WriteAsync{T}"/>.
/// Services open one with <see cref="IDbSessions.OpenWindowAsync"/>.
/// </summary>
public sealed class CommitWindow : IAsyncDisposable
{
    /// <summary>Page cache of the window's connection: one window's dirty pages of a million-person import fit.</summary>
    public const int SqliteCacheKilobytes = 64 * 1024;

    /// <summary>WAL pages (4 KiB) between checkpoints while the window is open; SQLite's default is 1 000.</summary>
    public const int SqliteCheckpointPages = 16_384;

    /// <summary>
    /// A pause between windows on SQLite. Another writer waiting for the lock polls (SQLite's busy
    /// handler sleeps up to 100 ms between tries); without the pause the window takes the lock back
    /// at once and that writer starves until its busy timeout.
    /// </summary>
    public static readonly TimeSpan SqliteYield = TimeSpan.FromMilliseconds(110);

    private const string SqliteDefaults = "PRAGMA cache_size=-2000; PRAGMA wal_autocheckpoint=1000;";

    private readonly IDatabase database;
    private readonly TimeProvider time;
    private readonly IOutbox? outbox;
    private readonly ResiliencePipeline beginRetry;
    private DbSession? session;
    private DateTimeOffset openedAt;

    private CommitWindow(IDatabase database, DbConnection connection, TimeSpan interval, TimeProvider time, IOutbox? outbox)
    {
        this.database = database;
        Connection = connection;
        Interval = interval;
        this.time = time;
        this.outbox = outbox;
        // On the system clock: the window's own clock may be a test's, which would never end a back-off.
        beginRetry = TransientRetry.For(database);
    }

    public DbConnection Connection { get; }

    /// <summary>The open transaction's unit of work; every write of the window goes in it.</summary>
    public DbSession Session => session ?? throw new InvalidOperationException("The commit window is closed.");

    /// <summary>The open transaction (<see cref="Session"/>'s).</summary>
    public DbTransaction Transaction => Session.Transaction;

    /// <summary>How long a transaction stays open before <see cref="CommitIfDueAsync"/> commits it.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Commits so far.</summary>
    public int Commits { get; private set; }

    /// <summary>A window without an outbox (its session cannot enqueue events); services use <see cref="IDbSessions.OpenWindowAsync"/>.</summary>
    public static Task<CommitWindow> OpenAsync(IDatabase database, TimeSpan interval, TimeProvider time, CancellationToken ct) =>
        OpenAsync(database, interval, time, null, ct);

    internal static async Task<CommitWindow> OpenAsync(IDatabase database, TimeSpan interval, TimeProvider time, IOutbox? outbox, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        var connection = await database.OpenConnectionAsync(ct);
        var window = new CommitWindow(database, connection, interval, time, outbox);
        try
        {
            if (connection is SqliteConnection)
            {
                await window.ExecuteAsync($"PRAGMA cache_size=-{SqliteCacheKilobytes}; PRAGMA wal_autocheckpoint={SqliteCheckpointPages};", ct);
            }

            await window.BeginAsync(ct);
            return window;
        }
        catch
        {
            await window.DisposeAsync();
            throw;
        }
    }

    /// <summary>Commits and begins the next transaction when the window has been open for <see cref="Interval"/>.</summary>
    public async ValueTask<bool> CommitIfDueAsync(CancellationToken ct)
    {
        if (time.GetUtcNow() - openedAt < Interval)
        {
            return false;
        }

        await CommitAsync(ct);
        if (Connection is SqliteConnection)
        {
            await Task.Delay(SqliteYield, ct);
        }

        await BeginAsync(ct);
        return true;
    }

    /// <summary>Writes the session's enqueued events and commits the open transaction; the window stays closed until disposed.</summary>
    public async Task CommitAsync(CancellationToken ct)
    {
        var committing = Session;
        session = null;
        Action[] committed;
        try
        {
            await committing.FlushAsync(ct);
            // Not cancellable: once COMMIT is sent its outcome is awaited, never abandoned as unknown (D61).
            await committing.Transaction.CommitAsync(CancellationToken.None);
            Commits++;
            committed = [.. TransactionCallbacks.Take(committing.Transaction), .. committing.Committed];
        }
        finally
        {
            TransactionCallbacks.Forget(committing.Transaction);
            await committing.Transaction.DisposeAsync();
        }

        TransactionCallbacks.Run(committed);
    }

    /// <summary>Rolls back what the open transaction holds (nothing committed before is touched).</summary>
    public async Task RollbackAsync(CancellationToken ct)
    {
        if (session is not { Transaction: var open })
        {
            return;
        }

        session = null;
        try
        {
            await open.RollbackAsync(ct);
        }
        finally
        {
            TransactionCallbacks.Forget(open);
            await open.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RollbackAsync(CancellationToken.None);
            if (Connection is SqliteConnection)
            {
                // Back to the defaults before the connection returns to the pool; the checkpoint leaves a short WAL behind.
                await ExecuteAsync(SqliteDefaults + " PRAGMA wal_checkpoint(PASSIVE);", CancellationToken.None);
            }
        }
        catch (DbException)
        {
            // A broken connection: disposing it below discards it, pragmas and all.
        }
        finally
        {
            await Connection.DisposeAsync();
        }
    }

    private async Task BeginAsync(CancellationToken ct)
    {
        // Another writer may hold the lock past SQLite's busy timeout: try again with the one retry policy.
        // Only the BEGIN is retried: what the window committed before stays, and nothing is open yet.
        var transaction = await beginRetry.ExecuteAsync(token => database.BeginWriteAsync(Connection, null, token), ct);
        session = new DbSession(Connection, transaction, database.Dialect, new SessionOutbox(outbox), readOnly: false);
        openedAt = time.GetUtcNow();
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
