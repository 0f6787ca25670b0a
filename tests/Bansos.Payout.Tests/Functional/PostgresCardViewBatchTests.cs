using System.Text.Json;
using Bansos.Payout.Data;
using Bansos.Payout.Tests.Support;
using Bansos.Protos.Payout.V1;
using Grpc.Core;
using Npgsql;

namespace Bansos.Payout.Tests.Functional;

/// <summary>BeginPayout's reads coalesced on PostgreSQL: one query answers many callers, each with its own rows.</summary>
public sealed class PostgresCardViewBatchTests(Hosts hosts)
{
    private const long UnknownTerminal = 987_654_321;

    [Fact]
    public async Task One_batched_read_gives_each_request_exactly_what_its_own_read_gives()
    {
        var host = await hosts.PostgresAsync();
        var s = await Scenario.CreateAsync(host);
        var otherTerminal = await s.AddTerminalAsync();
        var one = await s.AddHouseholdAsync();
        var two = await s.AddHouseholdAsync();
        var second = await SecondPeriodAsync(host, s); // two's household (and one's) now has two open entitlements
        var late = await s.AddHouseholdAsync(programmes: ["PKH"]); // not in the programme: no entitlement
        var unknownCard = SimulatedCard.NewNumber().Digits;
        (long, string)[] requests =
        [
            (s.TerminalId, one.Number.Digits),
            (otherTerminal, two.Number.Digits),
            (s.TerminalId, unknownCard),
            (UnknownTerminal, one.Number.Digits),
            (otherTerminal, one.Number.Digits),
            (s.TerminalId, late.Number.Digits),
        ];

        IReadOnlyList<CardView>[] batched;
        await using (var connection = (NpgsqlConnection)await host.Db.OpenConnectionAsync())
        {
            batched = await PostgresAuthorizationStore.ReadCardViewsAsync(connection, requests, CancellationToken.None);
        }

        Assert.Equal(requests.Length, batched.Length);
        for (var i = 0; i < requests.Length; i++)
        {
            await using var connection = await host.Db.OpenConnectionAsync();
            var alone = await SqliteAuthorizationStore.ReadCardViewAsync(connection, requests[i].Item1, requests[i].Item2, CancellationToken.None);
            Assert.Equal(JsonSerializer.Serialize(alone), JsonSerializer.Serialize(batched[i]));
        }

        Assert.All(batched[0], row => Assert.Equal(one.CardId, row.CardId));
        Assert.Equal([s.Period.PeriodId, second], batched[1].Select(r => (uint)r.PeriodId!.Value));
        Assert.All(batched[1], row => Assert.Equal(two.HouseholdId, row.HouseholdId));
        Assert.Null(Assert.Single(batched[2]).CardId);  // the terminal is known, the card is not
        Assert.Empty(batched[3]);                       // terminal not enrolled
        Assert.Equal(2, batched[4].Count);
        Assert.Null(Assert.Single(batched[5]).EntitlementId);
    }

    [Fact]
    public async Task Concurrent_BeginPayouts_of_several_terminals_each_get_their_own_answer()
    {
        var host = await hosts.PostgresAsync();
        var batcher = host.Service<PostgresCardViewBatcher>();
        var s = await Scenario.CreateAsync(host);
        long[] terminals = [s.TerminalId, await s.AddTerminalAsync(), await s.AddTerminalAsync()];
        var cards = new List<SimulatedCard>();
        for (var i = 0; i < 12; i++)
        {
            cards.Add(await s.AddHouseholdAsync());
        }

        var reads = batcher.Items;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var begins = Enumerable.Range(0, 48).Select(async i =>
        {
            await start.Task;
            var terminal = terminals[i % terminals.Length];
            var card = cards[i % cards.Count];
            var response = await s.BeginAsync(card, terminal);
            return (terminal, card, response);
        }).ToArray();
        var unknownCard = Task.Run(async () =>
        {
            await start.Task;
            return await Assert.ThrowsAsync<RpcException>(() => s.Terminal.BeginPayoutAsync(
                new BeginPayoutRequest { CardNumber = SimulatedCard.NewNumber().Digits }).ResponseAsync);
        });
        var unknownTerminal = Task.Run(async () =>
        {
            await start.Task;
            return await Assert.ThrowsAsync<RpcException>(() => s.BeginAsync(cards[0], UnknownTerminal));
        });
        start.SetResult();

        foreach (var (terminal, card, response) in await Task.WhenAll(begins))
        {
            Assert.True(response.CanPay);
            Assert.Equal(terminal, response.TerminalId);
            Assert.Equal(card.HouseholdId.ToString(), response.HouseholdId);
            Assert.Equal(200_000, Assert.Single(response.Entitlements).Balance);
        }

        Assert.Equal(StatusCode.NotFound, (await unknownCard).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, (await unknownTerminal).StatusCode);
        Assert.True(batcher.Items - reads >= 50, "every read went through the batcher");

        // And the challenges they carry work: each card pays once at the terminal it was issued to.
        var (payTerminal, payCard, payBegin) = (await Task.WhenAll(begins))[0];
        var paid = await host.Terminal(payTerminal).AuthorizePayoutAsync(s.Request(payCard, payBegin, 10_000));
        Assert.Equal(PayoutResult.Approved, paid.Result);
    }

    private static async Task<uint> SecondPeriodAsync(PayoutHost host, Scenario s)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var period = await host.Periods().CreatePeriodAsync(new CreatePeriodRequest
        {
            Code = "TEST-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(),
            Programme = "SEMBAKO",
            AmountPerHousehold = 100_000,
            StartDate = Bansos.Payout.Domain.BusinessCalendar.Format(today),
            EndDate = Bansos.Payout.Domain.BusinessCalendar.Format(today.AddDays(10)),
            VillageCodes = { s.Village },
        });
        return (await host.Periods().OpenPeriodAsync(new PeriodActionRequest { PeriodId = period.PeriodId })).PeriodId;
    }
}
