using Bansos.ServiceDefaults.Storage;
using Dapper;

namespace Bansos.Registry.Data;

/// <summary>SQL savepoints (same syntax on SQLite and PostgreSQL): undo part of a session's transaction and carry on.</summary>
internal static class Savepoint
{
    public static Task CreateAsync(DbSession session, string name, CancellationToken ct) =>
        session.Connection.ExecuteAsync(new CommandDefinition($"SAVEPOINT {name}", transaction: session.Transaction, cancellationToken: ct));

    public static Task ReleaseAsync(DbSession session, string name, CancellationToken ct) =>
        session.Connection.ExecuteAsync(new CommandDefinition($"RELEASE SAVEPOINT {name}", transaction: session.Transaction, cancellationToken: ct));

    public static Task RollbackAsync(DbSession session, string name, CancellationToken ct) =>
        session.Connection.ExecuteAsync(new CommandDefinition($"ROLLBACK TO SAVEPOINT {name}", transaction: session.Transaction, cancellationToken: ct));
}
