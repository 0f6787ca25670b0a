using System.Data;
using System.Data.Common;
using Bansos.ServiceDefaults.Messaging;
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

    public Task<T> WriteAsync<T>(Func<DbSession, Task<T>> work, IsolationLevel? isolationLevel = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return retry.ExecuteAsync(token => AttemptAsync(work, isolationLevel, token), ct).AsTask();
    }

    public Task<T> WriteOnAsync<T>(DbConnection connection, Func<DbSession, Task<T>> work, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(work);
        return CommitAsync(connection, work, null, ct);
    }

    private async ValueTask<T> AttemptAsync<T>(Func<DbSession, Task<T>> work, IsolationLevel? isolationLevel, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await CommitAsync(connection, work, isolationLevel, ct);
    }

    private async Task<T> CommitAsync<T>(DbConnection connection, Func<DbSession, Task<T>> work, IsolationLevel? isolationLevel, CancellationToken ct)
    {
        await using var transaction = await database.BeginWriteAsync(connection, isolationLevel, ct);
        var session = new DbSession(connection, transaction, database.Dialect, new SessionOutbox(outbox), readOnly: false);
        try
        {
            var result = await work(session);
            await session.FlushAsync(ct);
            await transaction.CommitAsync(ct);
            // The outbox's wake-up (IOutbox registers it on the transaction), then the session's own callbacks.
            TransactionCallbacks.RunCommitted(transaction);
            session.RunCommitted();
            return result;
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
        // A deferred transaction on SQLite (no write lock); one snapshot on PostgreSQL.
        await using var transaction = database.Dialect == DbDialect.Postgres
            ? await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct)
            : await connection.BeginTransactionAsync(ct);
        var session = new DbSession(connection, transaction, database.Dialect, new SessionOutbox(null), readOnly: true);
        var result = await work(session);
        await transaction.RollbackAsync(ct);
        return result;
    }

    public DbSession Join(DbConnection connection, DbTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        return new DbSession(connection, transaction, database.Dialect, new SessionOutbox(outbox), readOnly: false);
    }
}
