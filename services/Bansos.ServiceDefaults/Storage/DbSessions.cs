using System.Data;
using System.Data.Common;
using Bansos.ServiceDefaults.Messaging;
using Microsoft.Data.Sqlite;
using Polly;

namespace Bansos.ServiceDefaults.Storage;

/// <summary>
/// <see cref="IDbSessions"/> over the service's <see cref="IDatabase"/>: SQLite writes begin with
/// the write lock (BEGIN IMMEDIATE), PostgreSQL at READ COMMITTED unless told otherwise.
/// </summary>
internal sealed class DbSessions(IDatabase database, IOutbox? outbox, TimeProvider time) : IDbSessions
{
    private readonly ResiliencePipeline retry = TransientRetry.For(database, time);

    public DbDialect Dialect => database.Dialect;

    public async Task<T> WriteAsync<T>(Func<DbSession, Task<T>> work, IsolationLevel? isolationLevel = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (result, committed) = await retry.ExecuteAsync(token => AttemptAsync(work, isolationLevel, token), ct);
        // After the commit and outside the retry: whatever these callbacks throw, the work never runs again.
        TransactionCallbacks.Run(committed);
        return result;
    }

    public async Task<T> WriteOnAsync<T>(DbConnection connection, Func<DbSession, Task<T>> work, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(work);
        var (result, committed) = await CommitAsync(connection, work, null, ct);
        TransactionCallbacks.Run(committed);
        return result;
    }

    private async ValueTask<(T Result, IReadOnlyList<Action> Committed)> AttemptAsync<T>(
        Func<DbSession, Task<T>> work, IsolationLevel? isolationLevel, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await CommitAsync(connection, work, isolationLevel, ct);
    }

    /// <summary>One attempt: the work, its events, the commit; returns the result and the work to do after the commit.</summary>
    private async Task<(T Result, IReadOnlyList<Action> Committed)> CommitAsync<T>(
        DbConnection connection, Func<DbSession, Task<T>> work, IsolationLevel? isolationLevel, CancellationToken ct)
    {
        await using var transaction = await database.BeginWriteAsync(connection, isolationLevel, ct);
        var session = new DbSession(connection, transaction, database.Dialect, new SessionOutbox(outbox), readOnly: false);
        try
        {
            var result = await work(session);
            await session.FlushAsync(ct);
            // Not cancellable: once COMMIT is sent its outcome is awaited, never abandoned as unknown.
            await transaction.CommitAsync(CancellationToken.None);
            // The outbox's wake-up (IOutbox registers it on the transaction), then the session's own callbacks.
            return (result, [.. TransactionCallbacks.Take(transaction), .. session.Committed]);
        }
        finally
        {
            TransactionCallbacks.Forget(transaction);
        }
    }

    public async Task<T> ReadAsync<T>(Func<DbSession, Task<T>> work, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await database.OpenConnectionAsync(ct);
        // A deferred transaction on SQLite (no write lock: Microsoft.Data.Sqlite's plain BeginTransaction
        // would be BEGIN IMMEDIATE, and the import's check pass must let writers in, docs/decisions.md D30);
        // one snapshot on PostgreSQL.
        await using var transaction = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var session = new DbSession(connection, transaction, database.Dialect, new SessionOutbox(null), readOnly: true);
        var result = await work(session);
        await transaction.RollbackAsync(ct);
        return result;
    }

    public Task<CommitWindow> OpenWindowAsync(TimeSpan interval, CancellationToken ct = default) =>
        CommitWindow.OpenAsync(database, interval, time, outbox, ct);
}
