using Bansos.ServiceDefaults.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Bansos.Testing;

/// <summary>Creates throw-away databases for tests.</summary>
public static class TestDatabases
{
    public static Task<TestDatabase> CreateAsync(DbDialect dialect) =>
        dialect == DbDialect.Postgres ? CreatePostgresAsync() : Task.FromResult(CreateSqlite());

    /// <summary>A new SQLite file in its own temporary folder.</summary>
    public static TestDatabase CreateSqlite()
    {
        var directory = Path.Combine(Path.GetTempPath(), "bansos-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "test.db") }.ToString();
        return new TestDatabase(DbDialect.Sqlite, connectionString, directory, null);
    }

    /// <summary>A new, uniquely named PostgreSQL database on BANSOS_TEST_POSTGRES (skips or fails when unreachable).</summary>
    public static async Task<TestDatabase> CreatePostgresAsync()
    {
        await RequiresServer.PostgresAsync();
        var name = "bansos_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(AdminConnectionString()))
        {
            await admin.OpenAsync();
            await using var command = admin.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = name };
        return new TestDatabase(DbDialect.Postgres, builder.ToString(), null, name);
    }

    internal static async Task DropPostgresAsync(string name)
    {
        await using var admin = new NpgsqlConnection(AdminConnectionString());
        await admin.OpenAsync();
        await using var command = admin.CreateCommand();
        // FORCE ends connections a host may still hold (PostgreSQL 13+).
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }

    private static string AdminConnectionString()
    {
        var builder = new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Pooling = false };
        if (string.IsNullOrEmpty(builder.Database))
        {
            builder.Database = "postgres";
        }

        return builder.ToString();
    }
}
