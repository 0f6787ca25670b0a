using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Bansos.ServiceDefaults.Tests;

/// <summary>
/// <see cref="CommitWindow"/>: writes are committed when the interval has passed (not before), a
/// rollback takes back only the open window, commit callbacks run once per commit, and another
/// writer gets its turn between windows. On both providers.
/// </summary>
public sealed class CommitWindowTests
{
    private static readonly BulkInsert Rows = new("bulk_rows", "key", "name", "small", "big", "flag", "at", "parent");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [EveryDialect]
    public async Task Writes_are_committed_once_the_interval_has_passed_and_a_rollback_takes_back_only_the_open_window(DbDialect dialect)
    {
        await using var db = await TestDatabases.CreateAsync(dialect);
        await db.MigrateAsync(TestMigrations.All);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var committed = 0;

        await using (var window = await CommitWindow.OpenAsync(db.Database, TimeSpan.FromSeconds(2), time, Ct))
        {
            await InsertAsync(window, 1);
            window.Transaction.OnCommitted(() => committed++);
            time.Advance(TimeSpan.FromSeconds(1));
            Assert.False(await window.CommitIfDueAsync(Ct));
            Assert.Equal(0, await CountAsync(db));

            await InsertAsync(window, 2);
            time.Advance(TimeSpan.FromSeconds(1));
            Assert.True(await window.CommitIfDueAsync(Ct));
            Assert.Equal(2, await CountAsync(db));
            Assert.Equal(1, committed);
            Assert.Equal(1, window.Commits);

            // The next window starts now: what it holds is not visible, and disposing it rolls it back.
            await InsertAsync(window, 3);
            Assert.False(await window.CommitIfDueAsync(Ct));
        }

        Assert.Equal(2, await CountAsync(db));
        Assert.Equal(1, committed);
    }

    [Theory]
    [EveryDialect]
    public async Task Another_writer_waits_for_the_open_window_and_writes_between_windows(DbDialect dialect)
    {
        await using var db = await TestDatabases.CreateAsync(dialect);
        await db.MigrateAsync(TestMigrations.All);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var window = await CommitWindow.OpenAsync(db.Database, TimeSpan.FromSeconds(1), time, Ct);
        await InsertAsync(window, 1);

        // On SQLite the other writer waits for the lock (busy timeout); on PostgreSQL it writes other rows at once.
        // (Task.Run: SQLite's BEGIN IMMEDIATE blocks its thread while it waits.)
        var other = Task.Run(() => db.Database.WriteAsync(
            (connection, transaction) => Rows.ExecuteAsync(connection, transaction, dialect, [Row(100)], Ct), ct: Ct), Ct);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await window.CommitIfDueAsync(Ct));
        await other.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        await InsertAsync(window, 2);
        await window.CommitAsync(Ct);
        int[] expected = [1, 2, 100];
        Assert.Equal(expected, await SmallValuesAsync(db));
    }

    [Fact]
    public async Task On_SQLite_the_window_has_a_large_page_cache_and_leaves_the_connection_as_it_found_it()
    {
        await using var db = TestDatabases.CreateSqlite();
        await db.MigrateAsync(TestMigrations.All);
        long duringWindow;
        SQLitePCL.sqlite3 handle;
        await using (var window = await CommitWindow.OpenAsync(db.Database, TimeSpan.FromSeconds(1), TimeProvider.System, Ct))
        {
            var connection = (SqliteConnection)window.Connection;
            handle = connection.Handle!;
            duringWindow = await connection.ExecuteScalarAsync<long>("PRAGMA cache_size", transaction: window.Transaction);
        }

        Assert.Equal(-CommitWindow.SqliteCacheKilobytes, duringWindow);

        // The pool hands the window's SQLite connection out again: find it among a few open ones.
        var open = new List<SqliteConnection>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                open.Add((SqliteConnection)await db.Database.OpenConnectionAsync(Ct));
            }

            var reused = Assert.Single(open, c => ReferenceEquals(c.Handle, handle));
            Assert.Equal(-2000, await reused.ExecuteScalarAsync<long>("PRAGMA cache_size"));
            Assert.Equal(1000, await reused.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint"));
        }
        finally
        {
            foreach (var connection in open)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static object?[] Row(int small) => [Guid.CreateVersion7(), $"row {small}", small, 0L, false, DateTimeOffset.UnixEpoch, null];

    private static Task InsertAsync(CommitWindow window, int small) =>
        Rows.ExecuteAsync(window.Connection, window.Transaction, window.Connection is Npgsql.NpgsqlConnection ? DbDialect.Postgres : DbDialect.Sqlite, [Row(small)], Ct);

    private static async Task<long> CountAsync(TestDatabase db)
    {
        await using var connection = await db.Database.OpenConnectionAsync(Ct);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM bulk_rows");
    }

    private static async Task<int[]> SmallValuesAsync(TestDatabase db)
    {
        await using var connection = await db.Database.OpenConnectionAsync(Ct);
        return [.. await connection.QueryAsync<int>("SELECT small FROM bulk_rows ORDER BY small")];
    }
}
