using System.Data;
using System.Data.Common;

namespace Bansos.ServiceDefaults.Storage;

/// <summary>
/// Where units of work begin: each <see cref="WriteAsync{T}"/> opens a connection, begins a
/// transaction, hands the <see cref="DbSession"/> to the work, writes the events it enqueued into the
/// outbox and commits — retried as a whole on a transient failure (<see cref="TransientRetry"/>).
/// Stores take the session, never a connection/transaction pair. Registered by <c>AddBansosStorage</c>.
/// </summary>
public interface IDbSessions
{
    DbDialect Dialect { get; }

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction and commits it with the events it enqueued.
    /// The work may run more than once (transient failures): it must only touch the session.
    /// </summary>
    Task<T> WriteAsync<T>(Func<DbSession, Task<T>> work, IsolationLevel? isolationLevel = null, CancellationToken ct = default);

    /// <summary>
    /// One attempt of <paramref name="work"/> in a write transaction on <paramref name="connection"/>, an open
    /// connection the caller keeps (a batching loop's: its compiled statements and server-side preparation
    /// survive between units of work). Commits with the enqueued events like <see cref="WriteAsync{T}"/>, but
    /// is not retried: the caller decides what a failure means (a batch falls back to its requests one by one).
    /// </summary>
    Task<T> WriteOnAsync<T>(DbConnection connection, Func<DbSession, Task<T>> work, CancellationToken ct = default);

    /// <summary>Runs <paramref name="work"/> on a read-only session (a transaction that is rolled back: one snapshot for all its queries on PostgreSQL at REPEATABLE READ).</summary>
    Task<T> ReadAsync<T>(Func<DbSession, Task<T>> work, CancellationToken ct = default);

    /// <summary>
    /// A bulk writer's unit of work on one connection that commits every <paramref name="interval"/>
    /// (<see cref="CommitWindow"/>, the registry import): its <see cref="CommitWindow.Session"/> is the open
    /// transaction's, with this service's outbox. Not retried as a whole: what a window already committed stays.
    /// </summary>
    Task<CommitWindow> OpenWindowAsync(TimeSpan interval, CancellationToken ct = default);
}
