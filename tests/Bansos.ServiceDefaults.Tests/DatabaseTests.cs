using System.Data;
using System.Text.Json;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Bansos.ServiceDefaults.Tests;

public sealed class DatabaseTests
{
    [Theory]
    [EveryDialect]
    public async Task Times_guids_lists_bytes_json_and_bools_round_trip(DbDialect dialect)
    {
        await using var db = await TestDatabases.CreateAsync(dialect);
        await db.MigrateAsync(TestMigrations.All);
        var ct = TestContext.Current.CancellationToken;
        var key = Guid.NewGuid();
        var at = new DateTimeOffset(2021, 11, 15, 9, 30, 0, TimeSpan.FromHours(7)).AddTicks(1234567); // WIB, 100 ns
        IReadOnlyList<string> programmes = ["SEMBAKO", "PKH"];

        await db.Database.WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO type_samples (key, at, maybe_at, tags, payload, document, active, amount)
            VALUES (@key, @at, @maybeAt, @tags, @payload, @document, @active, @amount)
            """,
            new
            {
                key, at, maybeAt = (DateTimeOffset?)null, tags = programmes, payload = new byte[] { 0, 1, 2, 255 },
                document = new DbJson("""{"desil": 3}"""), active = true, amount = 200_000L,
            },
            transaction, cancellationToken: ct)), ct: ct);

        await using var connection = await db.Database.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleAsync<TypeSample>(new CommandDefinition(
            "SELECT id AS Id, key AS Key, at AS At, maybe_at AS MaybeAt, tags AS Tags, payload AS Payload, document AS Document, active AS Active, amount AS Amount FROM type_samples WHERE key = @key AND at >= @from",
            new { key, from = at.AddMinutes(-1) }, cancellationToken: ct));

        Assert.Equal(key, row.Key);
        Assert.Equal(DapperTypeHandlers.Normalize(at), row.At);
        Assert.Equal(TimeSpan.Zero, row.At.Offset);
        Assert.Equal(at.UtcDateTime.Ticks / 10, row.At.UtcTicks / 10);
        Assert.Null(row.MaybeAt);
        Assert.Equal(programmes, row.Tags);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, row.Payload);
        Assert.Equal(3, JsonDocument.Parse(row.Document.Json).RootElement.GetProperty("desil").GetInt32());
        Assert.True(row.Active);
        Assert.Equal(200_000L, row.Amount);
        Assert.Equal(programmes, await connection.QuerySingleAsync<IReadOnlyList<string>>("SELECT tags FROM type_samples"));
        Assert.Equal(key, await connection.QuerySingleAsync<Guid>("SELECT key FROM type_samples"));
    }

    [Theory]
    [EveryDialect]
    public async Task A_failing_transaction_commits_nothing(DbDialect dialect)
    {
        await using var db = await TestDatabases.CreateAsync(dialect);
        await db.MigrateAsync(TestMigrations.All);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync("UPDATE counters SET value = 42", transaction: transaction);
            throw new InvalidOperationException("rule broken");
        }, ct: TestContext.Current.CancellationToken));

        Assert.Equal(0, await CounterAsync(db.Database));
    }

    [Theory]
    [EveryDialect]
    public async Task Transient_conflicts_are_retried_and_their_effects_rolled_back(DbDialect dialect)
    {
        await using var db = await TestDatabases.CreateAsync(dialect);
        await db.MigrateAsync(TestMigrations.All);
        var attempts = 0;

        var result = await db.Database.WriteAsync(async (connection, transaction) =>
        {
            attempts++;
            await connection.ExecuteAsync("UPDATE counters SET value = value + 1", transaction: transaction);
            if (attempts < 3)
            {
                throw dialect == DbDialect.Postgres
                    ? new PostgresException("could not serialize access", "ERROR", "ERROR", PostgresErrorCodes.SerializationFailure)
                    : new SqliteException("database is locked", 5);
            }

            return attempts;
        }, ct: TestContext.Current.CancellationToken);

        Assert.Equal(3, result);
        Assert.Equal(1, await CounterAsync(db.Database));
    }

    [Fact]
    public async Task Other_errors_are_not_retried()
    {
        await using var db = TestDatabases.CreateSqlite();
        await db.MigrateAsync(TestMigrations.All);
        var attempts = 0;

        await Assert.ThrowsAsync<SqliteException>(() => db.Database.WriteAsync<int>((connection, transaction) =>
        {
            attempts++;
            throw new SqliteException("constraint failed", 19);
        }, ct: TestContext.Current.CancellationToken));

        Assert.Equal(1, attempts);
    }

    [Theory]
    // Not [EveryDialect]: the number of writers differs by dialect.
    [InlineData(DbDialect.Sqlite, 12)]
    [InlineData(DbDialect.Postgres, 4)]
    public async Task Concurrent_read_modify_write_transactions_all_commit(DbDialect dialect, int writers)
    {
        await using var db = await TestDatabases.CreateAsync(dialect);
        await db.MigrateAsync(TestMigrations.All);

        // PostgreSQL serializable: the losers get 40001 and run again. SQLite: BEGIN IMMEDIATE queues the writers.
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(() =>
            db.Database.WriteAsync(async (connection, transaction) =>
            {
                var value = await connection.ExecuteScalarAsync<long>("SELECT value FROM counters WHERE name = 'main'", transaction: transaction);
                await connection.ExecuteAsync("UPDATE counters SET value = @value WHERE name = 'main'", new { value = value + 1 }, transaction);
            }, IsolationLevel.Serializable))));

        Assert.Equal(writers, await CounterAsync(db.Database));
    }

    [Fact]
    public async Task Sqlite_connections_have_the_durable_settings()
    {
        await using var db = TestDatabases.CreateSqlite();
        await using var connection = await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);

        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous")); // FULL
        Assert.Equal(5000, await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
    }

    internal static async Task<long> CounterAsync(IDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT value FROM counters WHERE name = 'main'");
    }

    private sealed class TypeSample
    {
        public long Id { get; init; }

        public Guid Key { get; init; }

        public DateTimeOffset At { get; init; }

        public DateTimeOffset? MaybeAt { get; init; }

        public string[] Tags { get; init; } = [];

        public byte[] Payload { get; init; } = [];

        public DbJson Document { get; init; }

        public bool Active { get; init; }

        public long Amount { get; init; }
    }
}
