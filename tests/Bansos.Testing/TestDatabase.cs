using Bansos.ServiceDefaults.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Bansos.Testing;

/// <summary>
/// A database that belongs to one test: a fresh SQLite file or a fresh PostgreSQL database,
/// removed on dispose. Hand <see cref="Settings"/> to a host's configuration, or use
/// <see cref="Database"/> directly.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? sqliteDirectory;
    private readonly string? postgresName;
    private readonly List<IDatabase> opened = [];
    private IDatabase? database;

    internal TestDatabase(DbDialect dialect, string connectionString, string? sqliteDirectory, string? postgresName)
    {
        Dialect = dialect;
        ConnectionString = connectionString;
        this.sqliteDirectory = sqliteDirectory;
        this.postgresName = postgresName;
    }

    public DbDialect Dialect { get; }

    public string ConnectionString { get; }

    /// <summary>An <see cref="IDatabase"/> over this database (not migrated: see <see cref="MigrateAsync"/>).</summary>
    public IDatabase Database => database ??= CreateDatabase();

    /// <summary>Another <see cref="IDatabase"/> over the same database with its own pool (a second instance of a service).</summary>
    public IDatabase CreateDatabase()
    {
        IDatabase created = Dialect == DbDialect.Postgres
            ? new PostgresDatabase(ConnectionString)
            : new SqliteDatabase(ConnectionString);
        lock (opened)
        {
            opened.Add(created);
        }

        return created;
    }

    /// <summary>Configuration that points service <paramref name="serviceName"/> at this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings(string serviceName) =>
    [
        new($"ConnectionStrings:{serviceName}", ConnectionString),
        new("Bansos:Storage:Provider", Dialect == DbDialect.Postgres ? "postgres" : "sqlite"),
    ];

    /// <summary>Applies ServiceDefaults' migrations and, when given, a service's.</summary>
    public Task<int> MigrateAsync(params IEnumerable<Migration> serviceMigrations) =>
        new DatabaseMigrator(Database).MigrateAsync([.. MigrationSet.ServiceDefaults(), .. serviceMigrations]);

    public async ValueTask DisposeAsync()
    {
        foreach (var created in opened)
        {
            if (created is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }

        if (postgresName is not null)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
            await TestDatabases.DropPostgresAsync(postgresName);
        }

        if (sqliteDirectory is not null)
        {
            SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
            try
            {
                Directory.Delete(sqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // a host still holding the file: the temp folder is cleaned up by the OS
            }
        }
    }

    public override string ToString() => Dialect == DbDialect.Postgres ? $"postgres:{postgresName}" : $"sqlite:{sqliteDirectory}";
}
