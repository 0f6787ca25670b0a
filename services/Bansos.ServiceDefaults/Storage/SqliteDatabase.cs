using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Bansos.ServiceDefaults.Storage;

/// <summary>
/// A SQLite file in WAL mode with durable settings: every commit is on disk before it returns
/// (synchronous=FULL), writers wait up to 5 s for each other, foreign keys are enforced.
/// </summary>
public sealed class SqliteDatabase : IDatabase
{
    private const string ConnectionPragmas =
        "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";

    private readonly string connectionString;

    public SqliteDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            Pooling = true,
            Mode = SqliteOpenMode.ReadWriteCreate,
        };
        this.connectionString = builder.ToString();
        FilePath = Path.GetFullPath(builder.DataSource);
        var directory = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            OwnerOnlyFiles.CreateDirectory(directory);
        }

        // The file holds personal data: create it owner-only before SQLite does (SQLite gives the
        // -wal and -shm files the database file's mode), and tighten files an older version made.
        if (!File.Exists(FilePath) && !OperatingSystem.IsWindows() && builder.DataSource != ":memory:")
        {
            using var created = new FileStream(FilePath, new FileStreamOptions
            {
                Mode = FileMode.OpenOrCreate, Access = FileAccess.Write, UnixCreateMode = OwnerOnlyFiles.FileMode,
            });
        }

        foreach (var file in new[] { FilePath, FilePath + "-wal", FilePath + "-shm", FilePath + "-journal" })
        {
            OwnerOnlyFiles.Restrict(file);
        }

        DapperTypeHandlers.EnsureRegistered();

        // WAL is a property of the file, set once; it lets readers run beside the one writer.
        using var connection = new SqliteConnection(this.connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }

    public DbDialect Dialect => DbDialect.Sqlite;

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    public static SqliteDatabase ForFile(string path) =>
        new(new SqliteConnectionStringBuilder { DataSource = path }.ToString());

    public async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken ct = default)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = ConnectionPragmas;
            await command.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>deferred: false → BEGIN IMMEDIATE: take the write lock up front (SQLite is serializable anyway).</summary>
    public ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, IsolationLevel? isolationLevel = null, CancellationToken ct = default) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false));

    public bool IsTransientFailure(Exception exception) => IsTransient(exception);

    /// <summary>SQLITE_BUSY (5) and SQLITE_LOCKED (6), with or without extended codes, and a failed version check.</summary>
    public static bool IsTransient(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 } or ConcurrencyConflictException ||
        exception is SqliteException sqlite && (sqlite.SqliteExtendedErrorCode & 0xFF) is 5 or 6;
}
