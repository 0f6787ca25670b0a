using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Dapper;

namespace Bansos.ServiceDefaults.Tests;

/// <summary><see cref="IDbSessions.WriteOnAsync{T}"/>: units of work on a connection a batching loop keeps open.</summary>
public sealed class SessionOnConnectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [EveryDialect]
    public async Task A_unit_of_work_commits_on_the_kept_connection_and_a_failed_one_leaves_nothing_and_the_connection_usable(DbDialect dialect)
    {
        await using var db = await TestDatabases.CreateAsync(dialect);
        IDbSessions sessions = new DbSessions(db.Database, null, TimeProvider.System);
        await using var kept = await db.Database.OpenConnectionAsync(Ct);
        await kept.ExecuteAsync("CREATE TABLE kept_probe (n INTEGER NOT NULL)");

        var committed = false;
        var first = await sessions.WriteOnAsync(kept, async session =>
        {
            Assert.Same(kept, session.Connection);
            session.OnCommitted(() => committed = true);
            return await session.Connection.ExecuteAsync(new CommandDefinition("INSERT INTO kept_probe (n) VALUES (1)", transaction: session.Transaction));
        }, Ct);
        await Assert.ThrowsAsync<InvalidOperationException>(() => sessions.WriteOnAsync<int>(kept, async session =>
        {
            await session.Connection.ExecuteAsync(new CommandDefinition("INSERT INTO kept_probe (n) VALUES (2)", transaction: session.Transaction));
            throw new InvalidOperationException("declined after all");
        }, Ct));
        await sessions.WriteOnAsync(kept, session =>
            session.Connection.ExecuteAsync(new CommandDefinition("INSERT INTO kept_probe (n) VALUES (3)", transaction: session.Transaction)), Ct);

        Assert.Equal(1, first);
        Assert.True(committed);
        Assert.Equal(System.Data.ConnectionState.Open, kept.State);
        await using var other = await db.Database.OpenConnectionAsync(Ct);
        var rows = (await other.QueryAsync<long>("SELECT n FROM kept_probe ORDER BY n")).ToArray();
        Assert.Equal(new long[] { 1, 3 }, rows);
    }
}
