using Bansos.Payout.Tests.Support;
using Bansos.Protos.Payout.V1;
using Bansos.ServiceDefaults.Storage;
using Dapper;

namespace Bansos.Payout.Tests.Functional;

/// <summary>docs/architecture.md §5's invariant under concurrency: the approved, unreversed sum of an entitlement never exceeds it.</summary>
public sealed class ConcurrencyTests(Hosts hosts)
{
    private const int Parallel = 16;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    [InlineData("postgres-one-by-one")]
    public async Task Sixteen_full_amount_payouts_at_once_approve_exactly_one(string database)
    {
        var host = await hosts.GetAsync(database);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var answers = await RaceAsync(s, card, Enumerable.Repeat(200_000L, Parallel).ToArray());

        Assert.Single(answers, a => a.Result == PayoutResult.Approved);
        // The losers lost on the balance, or on an ATC the winner's (higher) ATC made stale.
        Assert.All(answers.Where(a => a.Result == PayoutResult.Declined),
            a => Assert.Contains(a.DeclineReason, new[] { DeclineReason.InsufficientBalance, DeclineReason.ReplayedAtc }));
        await AssertLedgerAsync(s, card, expectedPaid: 200_000);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    [InlineData("postgres-one-by-one")]
    public async Task Sixteen_partial_payouts_at_once_never_overdraw(string database)
    {
        var host = await hosts.GetAsync(database);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var answers = await RaceAsync(s, card, Enumerable.Repeat(30_000L, Parallel).ToArray());

        var approved = answers.Where(a => a.Result == PayoutResult.Approved).Sum(a => a.Amount);
        Assert.True(approved <= 200_000, $"approved {approved} > 200000");
        Assert.True(approved > 0);
        await AssertLedgerAsync(s, card, expectedPaid: approved);
    }

    /// <summary>One challenge per attempt (all issued first), then every authorization released at once.</summary>
    private static async Task<AuthorizePayoutResponse[]> RaceAsync(Scenario s, SimulatedCard card, long[] amounts)
    {
        var requests = new List<AuthorizePayoutRequest>();
        foreach (var amount in amounts)
        {
            requests.Add(s.Request(card, await s.BeginAsync(card), amount));
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = requests.Select(async request =>
        {
            await start.Task;
            return await s.Terminal.AuthorizePayoutAsync(request);
        }).ToArray();
        start.SetResult();
        return await Task.WhenAll(tasks);
    }

    /// <summary>Balance, approved payouts and the grant agree.</summary>
    private static async Task AssertLedgerAsync(Scenario s, SimulatedCard card, long expectedPaid)
    {
        await using var connection = await s.Host.Db.OpenConnectionAsync();
        var (amount, balance) = await connection.QuerySingleAsync<(long, long)>(
            "SELECT amount, balance FROM entitlements WHERE household_id = @h AND period_id = @p",
            new { h = card.HouseholdId, p = (long)s.Period.PeriodId });
        var ledger = await connection.ExecuteScalarAsync<long>(
            "SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM payouts WHERE household_id = @h AND result = 'APPROVED' AND reversed_at IS NULL",
            new { h = card.HouseholdId });
        Assert.Equal(expectedPaid, ledger);
        Assert.Equal(amount - balance, ledger);
        Assert.True(balance >= 0);
    }
}
