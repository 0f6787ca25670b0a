using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Dapper;

namespace Bansos.ServiceDefaults.Tests;

/// <summary>
/// A unit of work that has committed is never run again: what fails after the commit (a callback
/// throwing even a "transient" error) reaches the caller, and the retry loop does not write twice.
/// </summary>
public sealed class CommittedWorkTests
{
    [Theory]
    [EveryDialect]
    public async Task A_session_whose_after_commit_work_fails_is_not_written_twice(DbDialect dialect)
    {
        await using var db = await TestDatabases.CreateAsync(dialect);
        await db.MigrateAsync(TestMigrations.All);
        var sessions = new DbSessions(db.Database, outbox: null, TimeProvider.System);
        var attempts = 0;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => sessions.WriteAsync(async session =>
        {
            attempts++;
            await session.Connection.ExecuteAsync("UPDATE counters SET value = value + 1", transaction: session.Transaction);
            session.OnCommitted(() => throw new ConcurrencyConflictException("probe", "after-commit"));
            return attempts;
        }, ct: TestContext.Current.CancellationToken));

        Assert.Equal(1, attempts);
        Assert.Equal(1, await CounterAsync(db.Database));
    }

    [Theory]
    [EveryDialect]
    public async Task A_transaction_whose_after_commit_callback_fails_is_not_written_twice(DbDialect dialect)
    {
        await using var db = await TestDatabases.CreateAsync(dialect);
        await db.MigrateAsync(TestMigrations.All);
        var attempts = 0;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => db.Database.WriteAsync(async (connection, transaction) =>
        {
            attempts++;
            await connection.ExecuteAsync("UPDATE counters SET value = value + 1", transaction: transaction);
            transaction.OnCommitted(() => throw new ConcurrencyConflictException("probe", "after-commit"));
            return attempts;
        }, ct: TestContext.Current.CancellationToken));

        Assert.Equal(1, attempts);
        Assert.Equal(1, await CounterAsync(db.Database));
    }

    [Theory]
    [EveryDialect]
    public async Task After_commit_work_of_a_retried_attempt_is_dropped(DbDialect dialect)
    {
        await using var db = await TestDatabases.CreateAsync(dialect);
        await db.MigrateAsync(TestMigrations.All);
        var sessions = new DbSessions(db.Database, outbox: null, TimeProvider.System);
        var ran = new List<int>();
        var attempts = 0;

        await sessions.WriteAsync(async session =>
        {
            var attempt = ++attempts;
            await session.Connection.ExecuteAsync("UPDATE counters SET value = value + 1", transaction: session.Transaction);
            session.OnCommitted(() => ran.Add(attempt));
            session.Transaction.OnCommitted(() => ran.Add(-attempt));
            return attempt < 3 ? throw new ConcurrencyConflictException("probe", "retry") : attempt;
        }, ct: TestContext.Current.CancellationToken);

        Assert.Equal([-3, 3], ran);
        Assert.Equal(1, await CounterAsync(db.Database));
    }

    private static Task<long> CounterAsync(IDatabase database) => DatabaseTests.CounterAsync(database);
}
