using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Dapper;

namespace Bansos.ServiceDefaults.Tests;

public sealed class BulkInsertTests
{
    private static readonly BulkInsert Rows = new("bulk_rows", "key", "name", "small", "big", "flag", "at", "parent");

    [Theory]
    [EveryDialect(1)]
    [EveryDialect(1_001)] // several full prepared statements and a shorter last one
    public async Task Every_row_and_value_arrives_as_written(DbDialect dialect, int count)
    {
        await using var db = await TestDatabases.CreateAsync(dialect);
        await db.MigrateAsync(TestMigrations.All);
        var ct = TestContext.Current.CancellationToken;
        var at = new DateTimeOffset(2021, 11, 29, 8, 15, 0, TimeSpan.FromHours(7));
        var rows = Enumerable.Range(0, count).Select(i => new object?[]
        {
            Guid.CreateVersion7(), i % 3 == 0 ? null : $"Siti 'Aminah' \"{i}\"; DROP TABLE bulk_rows;--", i, 10_000_000_000L + i,
            i % 2 == 0, at.AddSeconds(i), i % 5 == 0 ? Guid.Empty : null,
        }).ToList();

        await db.Database.WriteAsync(
            (connection, transaction) => Rows.ExecuteAsync(connection, transaction, dialect, rows, ct), ct: ct);

        await using var read = await db.Database.OpenConnectionAsync(ct);
        var stored = (await read.QueryAsync<BulkRow>(
            "SELECT key AS Key, name AS Name, small AS Small, big AS Big, flag AS Flag, at AS At, parent AS Parent FROM bulk_rows ORDER BY small")).ToList();
        Assert.Equal(count, stored.Count);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal((Guid)rows[i][0]!, stored[i].Key);
            Assert.Equal((string?)rows[i][1], stored[i].Name);
            Assert.Equal(i, stored[i].Small);
            Assert.Equal(10_000_000_000L + i, stored[i].Big);
            Assert.Equal(i % 2 == 0, stored[i].Flag);
            Assert.Equal(at.AddSeconds(i), stored[i].At);
            Assert.Equal(i % 5 == 0 ? Guid.Empty : null, stored[i].Parent);
        }
    }

    [Theory]
    [EveryDialect]
    public async Task A_duplicate_key_is_a_unique_violation_and_nothing_of_the_batch_stays(DbDialect dialect)
    {
        await using var db = await TestDatabases.CreateAsync(dialect);
        await db.MigrateAsync(TestMigrations.All);
        var ct = TestContext.Current.CancellationToken;
        var key = Guid.CreateVersion7();
        object?[] Row(Guid k, int i) => [k, null, i, 0L, false, DateTimeOffset.UnixEpoch, null];

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.WriteAsync(
            (connection, transaction) => Rows.ExecuteAsync(
                connection, transaction, dialect, [Row(Guid.CreateVersion7(), 1), Row(key, 2), Row(key, 3)], ct),
            ct: ct));

        Assert.True(DbErrors.IsUniqueViolation(failure), failure.ToString());
        await using var read = await db.Database.OpenConnectionAsync(ct);
        Assert.Equal(0, await read.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM bulk_rows"));
    }

    private sealed class BulkRow
    {
        public Guid Key { get; init; }
        public string? Name { get; init; }
        public int Small { get; init; }
        public long Big { get; init; }
        public bool Flag { get; init; }
        public DateTimeOffset At { get; init; }
        public Guid? Parent { get; init; }
    }
}
