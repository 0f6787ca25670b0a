using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bansos.ServiceDefaults.Storage;

/// <summary>
/// Applies versioned migrations, each in its own transaction, recording them in
/// <c>schema_migrations(scope, version, name, applied_at)</c>. Safe with several instances
/// starting at once: PostgreSQL holds a session advisory lock for the whole run; SQLite checks
/// and applies each version under its write lock (BEGIN IMMEDIATE).
/// </summary>
public sealed class DatabaseMigrator(IDatabase database, ILogger<DatabaseMigrator>? logger = null)
{
    /// <summary>"BANSOS" in ASCII: the advisory lock key migrations take on PostgreSQL.</summary>
    private const long AdvisoryLockKey = 0x42414E534F53;

    private readonly ILogger logger = logger ?? NullLogger<DatabaseMigrator>.Instance;

    /// <summary>Applies what is not applied yet, in scope order then version order; returns how many it applied.</summary>
    public async Task<int> MigrateAsync(IEnumerable<Migration> migrations, CancellationToken ct = default)
    {
        var list = migrations.ToList();
        await using var connection = await database.OpenConnectionAsync(ct);
        if (database.Dialect == DbDialect.Postgres)
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey }, cancellationToken: ct));
            try
            {
                return await ApplyAsync(connection, list, ct);
            }
            finally
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey });
            }
        }

        return await ApplyAsync(connection, list, ct);
    }

    /// <summary>Versions already applied in <paramref name="scope"/>.</summary>
    public async Task<IReadOnlyList<int>> AppliedVersionsAsync(string scope, CancellationToken ct = default)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await EnsureHistoryTableAsync(connection, ct);
        var versions = await connection.QueryAsync<int>(new CommandDefinition(
            "SELECT version FROM schema_migrations WHERE scope = @scope ORDER BY version", new { scope }, cancellationToken: ct));
        return [.. versions];
    }

    private async Task<int> ApplyAsync(DbConnection connection, List<Migration> migrations, CancellationToken ct)
    {
        await EnsureHistoryTableAsync(connection, ct);
        var applied = 0;
        foreach (var migration in migrations)
        {
            await using var transaction = await database.BeginWriteAsync(connection, null, ct);
            var done = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM schema_migrations WHERE scope = @Scope AND version = @Version",
                new { migration.Scope, migration.Version }, transaction, cancellationToken: ct));
            if (done > 0)
            {
                await transaction.RollbackAsync(ct);
                continue;
            }

            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = SqlDialectTokens.Apply(migration.Sql, database.Dialect);
                await command.ExecuteNonQueryAsync(ct);
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (scope, version, name, applied_at) VALUES (@Scope, @Version, @Name, @AppliedAt)",
                new { migration.Scope, migration.Version, migration.Name, AppliedAt = DateTimeOffset.UtcNow },
                transaction, cancellationToken: ct));
            await transaction.CommitAsync(ct);
            applied++;
            logger.LogInformation("Applied migration {Scope} {Version:D4}_{Name}", migration.Scope, migration.Version, migration.Name);
        }

        return applied;
    }

    private async Task EnsureHistoryTableAsync(DbConnection connection, CancellationToken ct)
    {
        var sql = SqlDialectTokens.Apply(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                scope TEXT NOT NULL,
                version INTEGER NOT NULL,
                name TEXT NOT NULL,
                applied_at {{ts}} NOT NULL,
                PRIMARY KEY (scope, version)
            )
            """, database.Dialect);
        await using var transaction = await database.BeginWriteAsync(connection, null, ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }
}
