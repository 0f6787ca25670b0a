using System.Data.Common;
using Dapper;

namespace Bansos.Registry.Data;

/// <summary>SQL savepoints (same syntax on SQLite and PostgreSQL): undo part of a transaction and carry on.</summary>
internal static class Savepoint
{
    public static Task CreateAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition($"SAVEPOINT {name}", transaction: transaction, cancellationToken: ct));

    public static Task ReleaseAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition($"RELEASE SAVEPOINT {name}", transaction: transaction, cancellationToken: ct));

    public static Task RollbackAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition($"ROLLBACK TO SAVEPOINT {name}", transaction: transaction, cancellationToken: ct));
}
