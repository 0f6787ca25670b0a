using System.Data;
using System.Data.Common;
using Npgsql;

namespace Bansos.ServiceDefaults.Storage;

/// <summary>PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>.</summary>
public sealed class PostgresDatabase : IDatabase, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource dataSource;

    public PostgresDatabase(string connectionString)
    {
        DapperTypeHandlers.EnsureRegistered();
        dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public DbDialect Dialect => DbDialect.Postgres;

    public NpgsqlDataSource DataSource => dataSource;

    public async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken ct = default) =>
        await dataSource.OpenConnectionAsync(ct);

    public async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, IsolationLevel? isolationLevel = null, CancellationToken ct = default) =>
        await connection.BeginTransactionAsync(isolationLevel ?? IsolationLevel.ReadCommitted, ct);

    public bool IsTransientFailure(Exception exception) => IsTransient(exception);

    /// <summary>Serialization failure (40001), deadlock (40P01), a failed version check: rolled back; run it again.</summary>
    public static bool IsTransient(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected }
            or ConcurrencyConflictException;

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    public void Dispose() => dataSource.Dispose();
}
