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
    /// Runs <paramref name="work"/> in a transaction on a fresh connection and commits it.
    /// A transient conflict (SQLite busy/locked, PostgreSQL 40001 serialization failure or 40P01
    /// deadlock) rolls back and runs the whole delegate again, a bounded number of times, so the
    /// delegate must not have effects outside the transaction. On SQLite the transaction takes the
    /// write lock at once (BEGIN IMMEDIATE), so writers never fail half-way on a lock upgrade.
    /// </summary>
    Task<T> InTransactionAsync<T>(
        Func<DbConnection, DbTransaction, Task<T>> work,
        IsolationLevel? isolationLevel = null,
        CancellationToken ct = default);

    /// <summary>
    /// Begins a write transaction on an open connection the way <see cref="InTransactionAsync{T}"/>
    /// does (SQLite: BEGIN IMMEDIATE), for callers that must commit on their own schedule.
    /// </summary>
    ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, IsolationLevel? isolationLevel = null, CancellationToken ct = default);

    /// <summary>True for the conflicts <see cref="InTransactionAsync{T}"/> retries: running the work again may succeed.</summary>
    bool IsTransientFailure(Exception exception);
}
