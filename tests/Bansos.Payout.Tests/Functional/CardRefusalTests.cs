using Bansos.Payout.Tests.Support;
using Bansos.Protos.Payout.V1;
using Dapper;
using Grpc.Core;

namespace Bansos.Payout.Tests.Functional;

/// <summary>RecordCardRefusal: a refusal the card made itself is booked as a declined payout, once per key.</summary>
public sealed class CardRefusalTests(Hosts hosts)
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_blocked_PIN_is_booked_as_a_declined_payout_with_its_reason_and_an_event(string database)
    {
        var host = await hosts.GetAsync(database);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();

        var refusal = await s.Terminal.RecordCardRefusalAsync(new() { CardNumber = card.Number.Digits, Refusal = CardRefusal.PinBlocked, IdempotencyKey = "pin-1" });

        Assert.Equal((DeclineReason.PinBlocked, false), (refusal.DeclineReason, refusal.Replayed));
        var transaction = Assert.Single((await s.Terminal.ListTransactionsAsync(new())).Transactions);
        Assert.Equal((refusal.PayoutId, PayoutResult.Declined, DeclineReason.PinBlocked), (transaction.PayoutId, transaction.Result, transaction.DeclineReason));
        await using var connection = await host.Db.OpenConnectionAsync();
        var body = await connection.QuerySingleAsync<string>(
            "SELECT body FROM outbox_messages WHERE message_type LIKE '%PayoutDeclined%' AND body LIKE @id", new { id = "%" + refusal.PayoutId + "%" });
        Assert.Contains("\"PIN_BLOCKED\"", body, StringComparison.Ordinal);
        Assert.Contains(card.HouseholdId.ToString(), body, StringComparison.Ordinal);
        Assert.Contains(s.Village, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_retry_answers_the_first_booking_and_other_content_under_the_key_is_refused(string database)
    {
        var host = await hosts.GetAsync(database);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var request = new RecordCardRefusalRequest { CardNumber = card.Number.Digits, Refusal = CardRefusal.CardEnded, IdempotencyKey = "ended-1" };

        var first = await s.Terminal.RecordCardRefusalAsync(request);
        var retry = await s.Terminal.RecordCardRefusalAsync(request);
        var changed = await Assert.ThrowsAsync<RpcException>(() =>
            s.Terminal.RecordCardRefusalAsync(new RecordCardRefusalRequest(request) { Refusal = CardRefusal.PinBlocked }).ResponseAsync);

        Assert.True(retry.Replayed);
        Assert.Equal((first.PayoutId, first.At), (retry.PayoutId, retry.At));
        Assert.Equal(StatusCode.AlreadyExists, changed.StatusCode);
        Assert.Single((await s.Terminal.ListTransactionsAsync(new())).Transactions);
        await using var connection = await host.Db.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM outbox_messages WHERE body LIKE @id", new { id = "%" + first.PayoutId + "%" }));
    }

    [Fact]
    public async Task An_unreadable_card_is_booked_without_a_card_number_and_a_read_card_needs_one()
    {
        var host = await hosts.SqliteAsync();
        var s = await Scenario.CreateAsync(host);

        var unreadable = await s.Terminal.RecordCardRefusalAsync(new() { Refusal = CardRefusal.CardUnreadable, IdempotencyKey = "unreadable-1" });
        var missing = await Assert.ThrowsAsync<RpcException>(() =>
            s.Terminal.RecordCardRefusalAsync(new() { Refusal = CardRefusal.PinBlocked, IdempotencyKey = "pin-no-card" }).ResponseAsync);
        var unspecified = await Assert.ThrowsAsync<RpcException>(() =>
            s.Terminal.RecordCardRefusalAsync(new() { IdempotencyKey = "nothing" }).ResponseAsync);

        Assert.Equal(DeclineReason.CardUnreadable, unreadable.DeclineReason);
        Assert.Equal(StatusCode.InvalidArgument, missing.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, unspecified.StatusCode);
        Assert.Single((await s.Terminal.ListTransactionsAsync(new())).Transactions);
    }

    [Fact]
    public async Task A_disabled_terminal_cannot_book_refusals()
    {
        var host = await hosts.SqliteAsync();
        var s = await Scenario.CreateAsync(host);
        await host.Points().SetTerminalStatusAsync(new() { TerminalId = s.TerminalId, Status = TerminalStatus.Disabled });

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            s.Terminal.RecordCardRefusalAsync(new() { Refusal = CardRefusal.NotBansosCard, IdempotencyKey = "foreign-1" }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }
}
