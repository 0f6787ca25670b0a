using Bansos.ServiceDefaults.Audit;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Dapper;

namespace Bansos.ServiceDefaults.Tests;

public sealed class AuditTrailTests
{
    [Theory]
    [EveryDialect]
    public async Task An_untouched_chain_verifies(DbDialect dialect)
    {
        await using var db = await TestDatabases.CreateAsync(dialect);
        var trail = await TrailWithEntriesAsync(db, 5);

        Assert.Null(await trail.VerifyChainAsync(TestContext.Current.CancellationToken));
        var history = await trail.ListAsync("household", "h-2", TestContext.Current.CancellationToken);
        var record = Assert.Single(history);
        Assert.Equal(3, record.Sequence);
        Assert.Equal("operator-1", record.Actor);
        Assert.Equal("""{"status":"ACTIVE"}""", record.BeforeJson);
        Assert.Equal(64, record.Hash.Length);
    }

    [Theory]
    [EveryDialect]
    public async Task A_rewritten_row_is_detected(DbDialect dialect)
    {
        await using var db = await TestDatabases.CreateAsync(dialect);
        var trail = await TrailWithEntriesAsync(db, 5);

        await ExecuteAsync(db, """UPDATE audit_log SET after_json = '{"status":"ACTIVE"}' WHERE sequence = 3""");

        Assert.Equal(3, await trail.VerifyChainAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [EveryDialect]
    public async Task A_deleted_row_is_detected(DbDialect dialect)
    {
        await using var db = await TestDatabases.CreateAsync(dialect);
        var trail = await TrailWithEntriesAsync(db, 5);

        await ExecuteAsync(db, "DELETE FROM audit_log WHERE sequence = 3");

        Assert.Equal(3, await trail.VerifyChainAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [EveryDialect]
    public async Task A_reordered_row_is_detected(DbDialect dialect)
    {
        await using var db = await TestDatabases.CreateAsync(dialect);
        var trail = await TrailWithEntriesAsync(db, 5);

        // Swap rows 2 and 3 (each keeps its own hashes, as a careless forger would).
        await ExecuteAsync(db, "UPDATE audit_log SET sequence = -2 WHERE sequence = 2");
        await ExecuteAsync(db, "UPDATE audit_log SET sequence = 2 WHERE sequence = 3");
        await ExecuteAsync(db, "UPDATE audit_log SET sequence = 3 WHERE sequence = -2");

        Assert.Equal(2, await trail.VerifyChainAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [EveryDialect]
    public async Task A_removed_last_row_is_detected(DbDialect dialect)
    {
        await using var db = await TestDatabases.CreateAsync(dialect);
        var trail = await TrailWithEntriesAsync(db, 5);

        await ExecuteAsync(db, "DELETE FROM audit_log WHERE sequence = 5");

        Assert.Equal(5, await trail.VerifyChainAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [EveryDialect]
    public async Task Concurrent_appends_form_one_unbroken_chain(DbDialect dialect)
    {
        await using var db = await TestDatabases.CreateAsync(dialect);
        await db.MigrateAsync();
        var trail = new AuditTrail(db.Database, TimeProvider.System);

        var sequences = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            db.Database.WriteAsync((connection, transaction) => trail.AppendAsync(connection, transaction,
                new AuditEntry($"operator-{i}", "card.block", "card", $"c-{i}", null, """{"status":"BLOCKED"}"""))))));

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), sequences.Order());
        Assert.Null(await trail.VerifyChainAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void The_hash_covers_every_field()
    {
        var at = new DateTimeOffset(2021, 11, 15, 2, 0, 0, TimeSpan.Zero);
        var baseline = AuditHash.Compute("", 1, at, "a", "b", "c", "d", null, "{}");
        Assert.NotEqual(baseline, AuditHash.Compute("x", 1, at, "a", "b", "c", "d", null, "{}"));
        Assert.NotEqual(baseline, AuditHash.Compute("", 2, at, "a", "b", "c", "d", null, "{}"));
        Assert.NotEqual(baseline, AuditHash.Compute("", 1, at.AddTicks(10), "a", "b", "c", "d", null, "{}"));
        Assert.NotEqual(baseline, AuditHash.Compute("", 1, at, "ab", "", "c", "d", null, "{}"));
        Assert.NotEqual(baseline, AuditHash.Compute("", 1, at, "a", "b", "c", "d", "", "{}"));
        Assert.NotEqual(baseline, AuditHash.Compute("", 1, at, "a", "b", "c", "d", "{}", null));
    }

    private static async Task<AuditTrail> TrailWithEntriesAsync(TestDatabase db, int count)
    {
        await db.MigrateAsync();
        var trail = new AuditTrail(db.Database, TimeProvider.System);
        for (var i = 0; i < count; i++)
        {
            var entry = new AuditEntry("operator-1", "household.suspend", "household", $"h-{i}",
                """{"status":"ACTIVE"}""", """{"status":"SUSPENDED"}""");
            await db.Database.WriteAsync((connection, transaction) => trail.AppendAsync(connection, transaction, entry));
        }

        return trail;
    }

    private static async Task ExecuteAsync(TestDatabase db, string sql)
    {
        await using var connection = await db.Database.OpenConnectionAsync();
        await connection.ExecuteAsync(sql);
    }
}
