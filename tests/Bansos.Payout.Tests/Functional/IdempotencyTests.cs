using Bansos.Payout.Tests.Support;
using Bansos.Protos.Payout.V1;
using Bansos.ServiceDefaults.Storage;
using Dapper;
using Grpc.Core;

namespace Bansos.Payout.Tests.Functional;

/// <summary>Mojaloop FSPIOP idempotency: same key and content → the first answer; same key, other content → refused.</summary>
public sealed class IdempotencyTests(Hosts hosts)
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    [InlineData("postgres-one-by-one")]
    public async Task A_retry_gets_the_original_answer_and_debits_once(string database)
    {
        var host = await hosts.GetAsync(database);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var begin = await s.BeginAsync(card);
        var request = s.Request(card, begin, 60_000);

        var first = await s.Terminal.AuthorizePayoutAsync(request);
        var retry = await s.Terminal.AuthorizePayoutAsync(request);

        Assert.Equal(PayoutResult.Approved, first.Result);
        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal(first.PayoutId, retry.PayoutId);
        Assert.Equal(first.ApprovalCode, retry.ApprovalCode);
        Assert.Equal(140_000, retry.BalanceAfter);
        Assert.Equal(140_000, Assert.Single((await s.BeginAsync(card)).Entitlements).Balance);
        Assert.Single((await s.Terminal.ListTransactionsAsync(new ListTransactionsRequest())).Transactions);
    }

    [Fact]
    public async Task A_retried_decline_is_the_same_decline()
    {
        var host = await hosts.SqliteAsync();
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var begin = await s.BeginAsync(card);
        var request = s.Request(card, begin, 999_999);
        var first = await s.Terminal.AuthorizePayoutAsync(request);
        var retry = await s.Terminal.AuthorizePayoutAsync(request);
        Assert.Equal(DeclineReason.InsufficientBalance, first.DeclineReason);
        Assert.Equal((first.PayoutId, first.DeclineReason, true), (retry.PayoutId, retry.DeclineReason, retry.Replayed));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    [InlineData("postgres-one-by-one")]
    public async Task The_same_key_with_other_content_is_refused(string database)
    {
        var host = await hosts.GetAsync(database);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var begin = await s.BeginAsync(card);
        var request = s.Request(card, begin, 60_000, idempotencyKey: "same-key-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(PayoutResult.Approved, (await s.Terminal.AuthorizePayoutAsync(request)).Result);

        var changed = request.Clone();
        changed.Amount = 70_000;
        var error = await Assert.ThrowsAsync<RpcException>(() => s.Terminal.AuthorizePayoutAsync(changed).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Contains("idempotency key", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(140_000, Assert.Single((await s.BeginAsync(card)).Entitlements).Balance);
    }

    [Fact]
    public async Task Keys_belong_to_their_terminal()
    {
        var host = await hosts.SqliteAsync();
        var s = await Scenario.CreateAsync(host);
        var other = await s.AddTerminalAsync();
        var a = await s.AddHouseholdAsync();
        var b = await s.AddHouseholdAsync();
        var key = "shared-" + Guid.NewGuid().ToString("N");
        var beginA = await s.BeginAsync(a);
        var beginB = await s.BeginAsync(b, other);
        Assert.Equal(PayoutResult.Approved, (await s.Terminal.AuthorizePayoutAsync(s.Request(a, beginA, 10_000, idempotencyKey: key))).Result);
        Assert.Equal(PayoutResult.Approved, (await host.Terminal(other).AuthorizePayoutAsync(s.Request(b, beginB, 10_000, idempotencyKey: key))).Result);
    }

    [Fact]
    public async Task Concurrent_retries_of_one_request_debit_once()
    {
        var host = await hosts.SqliteAsync();
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var begin = await s.BeginAsync(card);
        var request = s.Request(card, begin, 50_000);
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => s.Terminal.AuthorizePayoutAsync(request).ResponseAsync));
        Assert.Single(answers.Select(a => a.PayoutId).Distinct());
        Assert.Single(answers, a => !a.Replayed);
        await using var connection = await host.Db.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM payouts WHERE idempotency_key = @k", new { k = request.IdempotencyKey }));
    }
}
