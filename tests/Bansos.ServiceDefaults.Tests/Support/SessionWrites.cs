using System.Data;
using System.Data.Common;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.ServiceDefaults.Tests;

/// <summary>
/// A write unit of work on a bare <see cref="IDatabase"/>, for tests of the storage itself: the same
/// <see cref="IDbSessions.WriteAsync{T}"/> the services use (its <see cref="TransientRetry"/>, its
/// after-commit callbacks), without an outbox, handing the work the session's connection and transaction.
/// </summary>
internal static class SessionWrites
{
    public static Task<T> WriteAsync<T>(
        this IDatabase database, Func<DbConnection, DbTransaction, Task<T>> work, IsolationLevel? isolationLevel = null, CancellationToken ct = default) =>
        new DbSessions(database, outbox: null, TimeProvider.System).WriteAsync(session => work(session.Connection, session.Transaction), isolationLevel, ct);

    public static Task WriteAsync(
        this IDatabase database, Func<DbConnection, DbTransaction, Task> work, IsolationLevel? isolationLevel = null, CancellationToken ct = default) =>
        database.WriteAsync<bool>(async (connection, transaction) =>
        {
            await work(connection, transaction);
            return true;
        }, isolationLevel, ct);
}
