using Npgsql;

namespace Bansos.Benchmarks;

/// <summary>
/// A database a benchmark creates for itself and drops afterwards: a SQLite file in a temporary
/// folder, or a uniquely named PostgreSQL database on the given server. <see cref="Settings"/> points
/// a service's storage at it.
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string? folder;
    private readonly string? postgresName;
    private readonly string? postgresAdmin;

    private ScratchDatabase(string provider, string connectionString, string? folder, string? postgresName, string? postgresAdmin)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.folder = folder;
        this.postgresName = postgresName;
        this.postgresAdmin = postgresAdmin;
    }

    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    public static ScratchDatabase Sqlite(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix).FullName;
        return new ScratchDatabase("sqlite", $"Data Source={Path.Combine(folder, "bench.db")}", folder, null, null);
    }

    public static async Task<ScratchDatabase> PostgresAsync(string server, string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 13)];
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString();
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new ScratchDatabase("postgres", new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString(), null, name, admin);
    }

    public IEnumerable<KeyValuePair<string, string?>> Settings(string serviceName) =>
    [
        new($"ConnectionStrings:{serviceName}", ConnectionString),
        new("Bansos:Storage:Provider", Provider),
    ];

    public async ValueTask DisposeAsync()
    {
        if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
