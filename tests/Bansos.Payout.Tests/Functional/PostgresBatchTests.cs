using Bansos.Payout.Application;
using Bansos.Payout.Tests.Support;
using Bansos.Protos.Payout.V1;
using Dapper;
using Npgsql;

namespace Bansos.Payout.Tests.Functional;

/// <summary>The PostgreSQL batcher when someone outside the batch gets in between its read and its debit.</summary>
public sealed class PostgresBatchTests(Hosts hosts)
{
    [Fact]
    public async Task A_balance_changed_under_a_batch_sends_it_back_one_by_one_with_the_right_answer()
    {
        var host = await hosts.PostgresAsync();
        var batcher = host.Service<PayoutAuthorizations>();
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var begin = await s.BeginAsync(card);
        var request = s.Request(card, begin, 50_000);
        long entitlementId;
        await using (var read = new NpgsqlConnection(host.Database.ConnectionString))
        {
            entitlementId = await read.ExecuteScalarAsync<long>("SELECT id FROM entitlements WHERE household_id = @h", new { h = card.HouseholdId });
        }

        var fallbacks = batcher.Fallbacks;
        await using var other = new NpgsqlConnection(host.Database.ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await other.ExecuteAsync("SELECT 1 FROM entitlements WHERE id = @entitlementId FOR UPDATE", new { entitlementId }, transaction);

        // The batch reads 200 000, then waits for our row lock at its debit.
        var authorizing = s.Terminal.AuthorizePayoutAsync(request).ResponseAsync;
        await WaitForLockWaiterAsync(host);

        // Meanwhile another payout (as another instance would) draws 30 000, and commits.
        await other.ExecuteAsync("UPDATE entitlements SET balance = balance - 30000 WHERE id = @entitlementId", new { entitlementId }, transaction);
        await transaction.CommitAsync();

        var response = await authorizing;
        Assert.Equal(PayoutResult.Approved, response.Result);
        Assert.Equal(120_000, response.BalanceAfter); // not the 150 000 the batch had planned
        Assert.Equal(fallbacks + 1, batcher.Fallbacks);
        Assert.Equal(120_000, Assert.Single((await s.BeginAsync(card)).Entitlements).Balance);
    }

    private static async Task WaitForLockWaiterAsync(PayoutHost host)
    {
        var database = new NpgsqlConnectionStringBuilder(host.Database.ConnectionString).Database;
        await using var monitor = new NpgsqlConnection(host.Database.ConnectionString);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await monitor.ExecuteScalarAsync<long>(
                   "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = @database AND wait_event_type = 'Lock'", new { database }) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the batch never waited for the row lock");
            await Task.Delay(20);
        }
    }
}
