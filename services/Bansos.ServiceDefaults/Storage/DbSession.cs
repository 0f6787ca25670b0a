using System.Data.Common;

namespace Bansos.ServiceDefaults.Storage;

/// <summary>
/// One unit of work: the open connection, its transaction and the events to publish if it commits.
/// Stores take a session and run their SQL on <see cref="Connection"/> in <see cref="Transaction"/>;
/// application code enqueues events with <c>session.Outbox.Enqueue(@event)</c>. Made by
/// <see cref="IDbSessions"/>; never shared between threads.
/// </summary>
public sealed class DbSession
{
    private readonly List<Action> committed = [];

    internal DbSession(DbConnection connection, DbTransaction transaction, DbDialect dialect, SessionOutbox outbox, bool readOnly)
    {
        Connection = connection;
        Transaction = transaction;
        Dialect = dialect;
        Outbox = outbox;
        IsReadOnly = readOnly;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    public DbDialect Dialect { get; }

    /// <summary>Events to publish if, and only if, this unit of work commits.</summary>
    public SessionOutbox Outbox { get; }

    /// <summary>A read session (<see cref="IDbSessions.ReadAsync{T}"/>): it never commits.</summary>
    public bool IsReadOnly { get; }

    /// <summary>Work for after the commit (wake a waiter, fill a cache); dropped on rollback or retry.</summary>
    public void OnCommitted(Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        committed.Add(callback);
    }

    /// <summary>Writes the enqueued events into <c>outbox_messages</c> in this transaction (done before every commit).</summary>
    public Task FlushAsync(CancellationToken ct = default) => Outbox.FlushAsync(Connection, Transaction, ct);

    internal IReadOnlyList<Action> Committed => committed;
}
