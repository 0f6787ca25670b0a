using Bansos.Contracts;
using Bansos.Payout.Tests.Support;
using Bansos.Protos.Payout.V1;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Dapper;
using Grpc.Core;

namespace Bansos.Payout.Tests.Functional;

/// <summary>docs/architecture.md §5 through the gRPC API: approvals, and every decline reason recorded and announced.</summary>
public sealed class AuthorizationTests(Hosts hosts)
{
    [Theory]
    [EveryDialect]
    public async Task A_card_draws_part_of_its_entitlement_and_the_event_is_in_the_outbox(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();

        var begin = await s.BeginAsync(card);
        Assert.True(begin.CanPay);
        Assert.Equal(s.TerminalId, begin.TerminalId);
        Assert.Equal(16, begin.Challenge.Length);
        Assert.Equal(card.HouseholdId.ToString(), begin.HouseholdId);
        var entitlement = Assert.Single(begin.Entitlements);
        Assert.Equal((s.Period.PeriodId, 200_000L, 200_000L), (entitlement.PeriodId, entitlement.Amount, entitlement.Balance));

        var response = await s.Terminal.AuthorizePayoutAsync(s.Request(card, begin, 150_000));
        Assert.Equal(PayoutResult.Approved, response.Result);
        Assert.Equal(50_000, response.BalanceAfter);
        Assert.Equal(6, response.ApprovalCode.Length);
        Assert.False(response.Replayed);

        var after = await s.BeginAsync(card);
        Assert.Equal(50_000, Assert.Single(after.Entitlements).Balance);

        await using var connection = await host.Db.OpenConnectionAsync();
        var body = await connection.ExecuteScalarAsync<string>(
            "SELECT body FROM outbox_messages WHERE message_type LIKE '%PayoutAuthorized%' AND body LIKE @id",
            new { id = $"%{response.PayoutId}%" });
        Assert.NotNull(body);
        Assert.Contains(s.Village, body, StringComparison.Ordinal);
    }

    [Theory]
    [EveryDialect]
    public async Task Several_payouts_draw_the_entitlement_down_to_zero_and_no_further(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        Assert.Equal(120_000, (await s.PayAsync(card, 80_000)).BalanceAfter);
        Assert.Equal(0, (await s.PayAsync(card, 120_000)).BalanceAfter);
        var begin = await s.BeginAsync(card);
        Assert.False(begin.CanPay);
        Assert.Equal(DeclineReason.NoOpenEntitlement, begin.Reason);
    }

    [Theory]
    [EveryDialect(CardStatuses.Blocked, DeclineReason.CardBlocked)]
    [EveryDialect(CardStatuses.Lost, DeclineReason.CardLost)]
    [EveryDialect(CardStatuses.Replaced, DeclineReason.CardReplaced)]
    public async Task A_card_status_change_stops_the_next_request(DbDialect dialect, string status, DeclineReason reason)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var begin = await s.BeginAsync(card);

        await host.ApplyAsync(new CardStatusChanged(card.CardId, card.Number.Digits, card.HouseholdId, status, "test", 2, DateTimeOffset.UtcNow));

        await AssertDeclinedAsync(s, await s.Terminal.AuthorizePayoutAsync(s.Request(card, begin, 10_000)), reason);
        var again = await s.BeginAsync(card);
        Assert.False(again.CanPay);
        Assert.Equal(reason, again.Reason);
        Assert.Empty(again.ChallengeId);
    }

    [Theory]
    [EveryDialect]
    public async Task A_replacement_card_stops_the_old_one_and_draws_the_same_entitlement(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var oldCard = await s.AddHouseholdAsync();
        var begin = await s.BeginAsync(oldCard);
        var newCard = await s.IssueCardAsync(oldCard.HouseholdId, replaces: oldCard.CardId);

        await AssertDeclinedAsync(s, await s.Terminal.AuthorizePayoutAsync(s.Request(oldCard, begin, 10_000)), DeclineReason.CardReplaced);
        Assert.Equal(190_000, (await s.PayAsync(newCard, 10_000)).BalanceAfter);
    }

    [Theory]
    [EveryDialect(HouseholdStatuses.Suspended)]
    [EveryDialect(HouseholdStatuses.Removed)]
    public async Task A_household_that_is_no_longer_active_cannot_draw(DbDialect dialect, string status)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var begin = await s.BeginAsync(card);
        await host.ApplyAsync(new HouseholdStatusChanged(card.HouseholdId, status, "test", 2, DateTimeOffset.UtcNow));
        await AssertDeclinedAsync(s, await s.Terminal.AuthorizePayoutAsync(s.Request(card, begin, 10_000)), DeclineReason.HouseholdNotActive);
    }

    [Theory]
    [EveryDialect]
    public async Task A_closed_period_leaves_no_open_entitlement(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var begin = await s.BeginAsync(card);
        await host.Periods().ClosePeriodAsync(new PeriodActionRequest { PeriodId = s.Period.PeriodId });
        await AssertDeclinedAsync(s, await s.Terminal.AuthorizePayoutAsync(s.Request(card, begin, 10_000)), DeclineReason.NoOpenEntitlement);
    }

    [Theory]
    [EveryDialect]
    public async Task A_period_the_household_has_no_entitlement_in_is_declined(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var begin = await s.BeginAsync(card);
        await AssertDeclinedAsync(s, await s.Terminal.AuthorizePayoutAsync(s.Request(card, begin, 10_000, periodId: 999_999)),
            DeclineReason.NoOpenEntitlement);
    }

    [Theory]
    [EveryDialect]
    public async Task More_than_the_balance_is_declined(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var begin = await s.BeginAsync(card);
        await AssertDeclinedAsync(s, await s.Terminal.AuthorizePayoutAsync(s.Request(card, begin, 200_001)), DeclineReason.InsufficientBalance);
    }

    [Theory]
    [EveryDialect]
    public async Task A_forged_cryptogram_is_declined_and_does_not_spend_the_atc(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var begin = await s.BeginAsync(card);
        var request = s.Request(card, begin, 10_000);
        request.Cryptogram = Scenario.Forged();
        await AssertDeclinedAsync(s, await s.Terminal.AuthorizePayoutAsync(request), DeclineReason.BadCryptogram);

        // A cryptogram for another amount than the one asked for is just as bad.
        var begin2 = await s.BeginAsync(card);
        var tampered = s.Request(card, begin2, 10_000);
        tampered.Amount = 100_000;
        await AssertDeclinedAsync(s, await s.Terminal.AuthorizePayoutAsync(tampered), DeclineReason.BadCryptogram);

        // The ATC of the forged attempt was not recorded: the genuine card can still use it.
        var begin3 = await s.BeginAsync(card);
        var genuine = s.Request(card, begin3, 10_000);
        genuine.Atc = request.Atc;
        genuine.Cryptogram = card.Sign((int)request.Atc, 10_000, s.Period.PeriodId, s.TerminalId, begin3.Challenge);
        Assert.Equal(PayoutResult.Approved, (await s.Terminal.AuthorizePayoutAsync(genuine)).Result);
    }

    [Theory]
    [EveryDialect]
    public async Task A_replayed_or_older_atc_is_declined(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var first = await s.PayAsync(card, 10_000);
        Assert.Equal(PayoutResult.Approved, first.Result);
        var usedAtc = card.LastAtc;

        foreach (var atc in new[] { usedAtc, usedAtc - 1 })
        {
            var begin = await s.BeginAsync(card);
            var replay = s.Request(card, begin, 10_000);
            replay.Atc = (uint)atc;
            replay.Cryptogram = card.Sign(atc, 10_000, s.Period.PeriodId, s.TerminalId, begin.Challenge);
            await AssertDeclinedAsync(s, await s.Terminal.AuthorizePayoutAsync(replay), DeclineReason.ReplayedAtc);
        }
    }

    [Theory]
    [EveryDialect]
    public async Task A_challenge_is_used_once(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var begin = await s.BeginAsync(card);
        Assert.Equal(PayoutResult.Approved, (await s.Terminal.AuthorizePayoutAsync(s.Request(card, begin, 10_000))).Result);
        // A new key and a fresh cryptogram over the same challenge: still refused.
        await AssertDeclinedAsync(s, await s.Terminal.AuthorizePayoutAsync(s.Request(card, begin, 10_000)), DeclineReason.ChallengeUsed);
    }

    [Theory]
    [EveryDialect]
    public async Task A_declined_attempt_uses_up_its_challenge_too(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var begin = await s.BeginAsync(card);
        await AssertDeclinedAsync(s, await s.Terminal.AuthorizePayoutAsync(s.Request(card, begin, 500_000)), DeclineReason.InsufficientBalance);
        await AssertDeclinedAsync(s, await s.Terminal.AuthorizePayoutAsync(s.Request(card, begin, 10_000)), DeclineReason.ChallengeUsed);
    }

    [Theory]
    [EveryDialect]
    public async Task A_challenge_from_another_terminal_is_refused(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var other = await s.AddTerminalAsync();
        var card = await s.AddHouseholdAsync();
        var begin = await s.BeginAsync(card, terminalId: other);
        // Signed for the terminal that asks, as a card in that reader would.
        var request = s.Request(card, begin, 10_000, signedTerminalId: s.TerminalId);
        // Not backed by a challenge of this terminal: answered, but not stored (issue 11.4).
        await AssertDeclinedUnstoredAsync(s, await s.Terminal.AuthorizePayoutAsync(request), DeclineReason.ChallengeOtherTerminal);
        // The challenge is still good where it was issued.
        Assert.Equal(PayoutResult.Approved, (await host.Terminal(other).AuthorizePayoutAsync(s.Request(card, begin, 10_000))).Result);
    }

    [Theory]
    [EveryDialect]
    public async Task An_unknown_challenge_is_declined(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var begin = await s.BeginAsync(card);
        var request = s.Request(card, begin, 10_000);
        request.ChallengeId = "AQAAAAAAAAEBmQAXAAAAABEAAAF9JLTKgBAREhMUFRYXGBkaGxwdHh8AAAAAAAAAAAAAAAAAAAAA";
        await AssertDeclinedUnstoredAsync(s, await s.Terminal.AuthorizePayoutAsync(request), DeclineReason.ChallengeUnknown);
    }

    [Theory]
    [EveryDialect]
    public async Task A_disabled_terminal_is_declined(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var begin = await s.BeginAsync(card);
        await host.Points().SetTerminalStatusAsync(new SetTerminalStatusRequest
        {
            TerminalId = s.TerminalId,
            Status = TerminalStatus.Disabled,
            Reason = "test",
        });
        await AssertDeclinedAsync(s, await s.Terminal.AuthorizePayoutAsync(s.Request(card, begin, 10_000)), DeclineReason.TerminalDisabled);
        // BeginPayout on a disabled terminal tells nothing (issue 11.3): PermissionDenied, no card or household data.
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => s.BeginAsync(card))).StatusCode);
    }

    [Theory]
    [EveryDialect]
    public async Task Outside_the_period_window_is_declined(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(1);
        var s = await Scenario.CreateAsync(host, startDate: Bansos.Payout.Domain.BusinessCalendar.Format(tomorrow),
            endDate: Bansos.Payout.Domain.BusinessCalendar.Format(tomorrow.AddDays(10)));
        var card = await s.AddHouseholdAsync();
        var begin = await s.BeginAsync(card);
        Assert.True(begin.CanPay); // the entitlement is open; only the day is wrong
        await AssertDeclinedAsync(s, await s.Terminal.AuthorizePayoutAsync(s.Request(card, begin, 10_000)), DeclineReason.OutsidePeriodWindow);
    }

    [Theory]
    [EveryDialect]
    public async Task A_zero_amount_is_declined(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var begin = await s.BeginAsync(card);
        await AssertDeclinedAsync(s, await s.Terminal.AuthorizePayoutAsync(s.Request(card, begin, 0)), DeclineReason.InvalidAmount);
    }

    [Theory]
    [EveryDialect]
    public async Task Malformed_requests_are_invalid_arguments_with_field_details(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var error = await Assert.ThrowsAsync<RpcException>(() => s.Terminal.AuthorizePayoutAsync(new AuthorizePayoutRequest
        {
            ChallengeId = "",
            PeriodId = 0,
            Atc = 70_000,
            IdempotencyKey = "has space",
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field).ToList();
        Assert.Equal(["challenge_id", "period_id", "atc", "cryptogram", "idempotency_key"], fields);

        var badCard = await Assert.ThrowsAsync<RpcException>(() => s.Terminal.BeginPayoutAsync(new BeginPayoutRequest { CardNumber = "1234" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, badCard.StatusCode);
        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            s.Terminal.BeginPayoutAsync(new BeginPayoutRequest { CardNumber = SimulatedCard.NewNumber().Digits }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [EveryDialect]
    public async Task Only_enrolled_terminals_with_terminal_tokens_may_call(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var admin = new PayoutTerminalService.PayoutTerminalServiceClient(host.Channel(Bansos.Testing.TestTokens.Admin()));
        var denied = await Assert.ThrowsAsync<RpcException>(() => admin.PingAsync(new PingRequest()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        var stranger = host.Terminal(987_654_321);
        Assert.Equal(987_654_321, (await stranger.PingAsync(new PingRequest())).TerminalId);
        var notEnrolled = await Assert.ThrowsAsync<RpcException>(() =>
            stranger.BeginPayoutAsync(new BeginPayoutRequest { CardNumber = card.Number.Digits }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, notEnrolled.StatusCode);
    }

    /// <summary>Declined, recorded in the terminal's day with its reason, and announced with card, household, terminal and village.</summary>
    /// <summary>A decline for a request no challenge of this terminal backs: answered, no payout row, no event.</summary>
    internal static async Task AssertDeclinedUnstoredAsync(Scenario s, AuthorizePayoutResponse response, DeclineReason reason)
    {
        Assert.Equal(PayoutResult.Declined, response.Result);
        Assert.Equal(reason, response.DeclineReason);
        Assert.False(string.IsNullOrEmpty(response.Message));
        Assert.Empty(response.PayoutId);
        Assert.Empty((await s.Terminal.ListTransactionsAsync(new ListTransactionsRequest())).Transactions);
        await using var connection = await s.Host.Db.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM payouts WHERE terminal_id = @terminal", new { terminal = s.TerminalId }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM outbox_messages WHERE message_type LIKE '%PayoutDeclined%' AND body LIKE @terminal",
            new { terminal = $"%\"terminalId\":{s.TerminalId},%" }));
    }

    internal static async Task AssertDeclinedAsync(Scenario s, AuthorizePayoutResponse response, DeclineReason reason)
    {
        Assert.Equal(PayoutResult.Declined, response.Result);
        Assert.Equal(reason, response.DeclineReason);
        Assert.False(string.IsNullOrEmpty(response.Message));

        var day = await s.Terminal.ListTransactionsAsync(new ListTransactionsRequest());
        var recorded = Assert.Single(day.Transactions, t => t.PayoutId == response.PayoutId);
        Assert.Equal(reason, recorded.DeclineReason);

        await using var connection = await s.Host.Db.OpenConnectionAsync();
        var body = await connection.ExecuteScalarAsync<string>(
            "SELECT body FROM outbox_messages WHERE message_type LIKE '%PayoutDeclined%' AND body LIKE @id",
            new { id = $"%{response.PayoutId}%" });
        Assert.NotNull(body);
        var declined = System.Text.Json.JsonSerializer.Deserialize<PayoutDeclined>(body, Bansos.ServiceDefaults.Messaging.MessageJson.Options)!;
        Assert.Equal(Bansos.Payout.Domain.DeclineReasons.Code((Bansos.Payout.Domain.DeclineReason)(int)reason), declined.Reason);
        Assert.Equal(s.TerminalId, declined.TerminalId);
        Assert.Equal(s.Village, declined.VillageCode);
        if (reason != DeclineReason.ChallengeUnknown)
        {
            Assert.NotNull(declined.HouseholdId);
            Assert.Equal(16, declined.CardNumber.Length);
        }
    }
}
