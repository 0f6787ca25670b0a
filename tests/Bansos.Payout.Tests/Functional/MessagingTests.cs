using Bansos.Contracts;
using Bansos.Payout.Data;
using Bansos.Payout.Tests.Support;
using Bansos.Protos.Payout.V1;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;

namespace Bansos.Payout.Tests.Functional;

/// <summary>Through the real RabbitMQ: registry events in, payout events out.</summary>
public sealed class MessagingTests
{
    [Fact]
    public async Task A_card_blocked_on_the_bus_stops_the_next_payout()
    {
        await RequiresServer.RabbitMqAsync();
        await using var bus = await TestPublisher.StartAsync(await PayoutTestBroker.UriAsync());
        await using var host = await PayoutHost.StartAsync(DbDialect.Sqlite, relay: true);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var begin = await s.BeginAsync(card);
        Assert.True(begin.CanPay);

        await bus.PublishAsync(new CardStatusChanged(card.CardId, card.Number.Digits, card.HouseholdId, CardStatuses.Blocked,
            "dilaporkan", 2, DateTimeOffset.UtcNow));
        await WaitUntilAsync(async () =>
        {
            var facts = await host.Service<IDbSessions>().ReadAsync(session =>
                host.Service<ProjectionStore>().GetCardAsync(session, card.Number.Digits, CancellationToken.None));
            return facts?.Status == Bansos.Contracts.CardStatus.Blocked;
        });

        var response = await s.Terminal.AuthorizePayoutAsync(s.Request(card, begin, 10_000));
        Assert.Equal(DeclineReason.CardBlocked, response.DeclineReason);
    }

    [Fact]
    public async Task A_household_registered_on_the_bus_is_projected_and_granted()
    {
        await RequiresServer.RabbitMqAsync();
        await using var bus = await TestPublisher.StartAsync(await PayoutTestBroker.UriAsync());
        await using var host = await PayoutHost.StartAsync(DbDialect.Sqlite, relay: true);
        var s = await Scenario.CreateAsync(host);
        var householdId = Guid.NewGuid();
        var registered = new HouseholdRegistered(householdId, s.Village, HouseholdStatuses.Active, ["SEMBAKO"], 1, 3, 1, DateTimeOffset.UtcNow);
        await bus.PublishAsync(registered);
        await bus.PublishAsync(registered); // a second message id: applied again, changes nothing
        await WaitUntilAsync(async () =>
            (await host.Periods().GetPeriodAsync(new GetPeriodRequest { PeriodId = s.Period.PeriodId })).EntitlementCount == 1);
    }

    [Fact]
    public async Task Payout_authorized_reaches_another_service_through_the_broker()
    {
        await RequiresServer.RabbitMqAsync();
        await using var bus = await TestPublisher.StartListeningAsync<PayoutAuthorized>(await PayoutTestBroker.UriAsync());
        await using var host = await PayoutHost.StartAsync(DbDialect.Sqlite, relay: true);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var response = await s.PayAsync(card, 125_000);
        Assert.Equal(PayoutResult.Approved, response.Result);

        var payoutId = Guid.Parse(response.PayoutId);
        var received = await bus.Received.WaitForAsync<PayoutAuthorized>(authorized => authorized.PayoutId == payoutId);
        Assert.Equal((s.Period.PeriodId, card.HouseholdId, s.TerminalId, s.Village, 125_000L, 75_000L, response.ApprovalCode),
            ((uint)received.PeriodId, received.HouseholdId, received.TerminalId, received.VillageCode, received.Amount, received.BalanceAfter, received.ApprovalCode));
        Assert.Equal(card.Number.Digits, received.CardNumber);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TestPublisher.Timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not reached within {TestPublisher.Timeout.TotalSeconds} s.");
            await Task.Delay(100);
        }
    }
}
