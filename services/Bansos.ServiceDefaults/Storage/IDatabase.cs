using System.Data;
using System.Data.Common;

namespace Bansos.ServiceDefaults.Storage;

/// <summary>
/// A service's own database: SQLite (embedded default) or PostgreSQL (production), chosen by
/// configuration. Registered as a singleton by <c>AddBansosStorage</c>.
/// </summary>
public interface IDatabase
{
    DbDialect Dialect { get; }

    /// <summary>An open connection with the durable settings applied; the caller disposes it.</summary>
    ValueTask<DbConnection> OpenConnectionAsync(CancellationToken ct = default);

    /// <summary>
    /// Begins a write transaction on an open connection: SQLite takes the write lock at once (BEGIN
    /// IMMEDIATE), so writers never fail half-way on a lock upgrade; PostgreSQL at READ COMMITTED
    /// unless told otherwise. Units of work begin here (<see cref="IDbSessions"/>, <see cref="CommitWindow"/>).
    /// </summary>
    ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, IsolationLevel? isolationLevel = null, CancellationToken ct = default);

    /// <summary>
    /// True for the conflicts <see cref="TransientRetry"/> retries (SQLite busy/locked, PostgreSQL 40001
    /// serialization failure or 40P01 deadlock, a failed version check): running the work again may succeed.
    /// </summary>
    bool IsTransientFailure(Exception exception);
}
