using Bansos.ServiceDefaults.Storage;
using Bansos.Contracts;
using Bansos.Payout.Data;
using Bansos.Payout.Tests.Support;
using Bansos.Protos.Payout.V1;

namespace Bansos.Payout.Tests.Functional;

/// <summary>Registry events in any order settle on the newest version.</summary>
public sealed class ProjectionTests(Hosts hosts)
{
    [Fact]
    public async Task An_older_household_event_after_a_newer_one_changes_nothing_it_should_not()
    {
        var host = await hosts.SqliteAsync();
        var id = Guid.NewGuid();
        var village = Scenario.NewVillage();
        // status v3 first, then registration v1, then a details change v2 that is still newer than the details held.
        await host.ApplyAsync(new HouseholdStatusChanged(id, HouseholdStatuses.Suspended, "review", 3, DateTimeOffset.UtcNow));
        await host.ApplyAsync(new HouseholdRegistered(id, "99.00.00.0001", HouseholdStatuses.Active, ["SEMBAKO"], 2, 4, 1, DateTimeOffset.UtcNow));
        await host.ApplyAsync(new HouseholdChanged(id, village, ["PKH"], 2, 4, 2, DateTimeOffset.UtcNow));
        await host.ApplyAsync(new HouseholdChanged(id, "99.00.00.0002", ["SEMBAKO"], 2, 4, 1, DateTimeOffset.UtcNow)); // stale

        var facts = await host.Service<IDbSessions>().ReadAsync(session =>
            host.Service<ProjectionStore>().GetHouseholdAsync(session, id, CancellationToken.None));
        Assert.Equal(Bansos.Contracts.HouseholdStatus.Suspended, facts!.Status);
        Assert.Equal(village, facts.VillageCode);
        Assert.Equal(["PKH"], facts.Programmes);
    }

    [Fact]
    public async Task An_older_card_event_after_a_newer_one_changes_nothing()
    {
        var host = await hosts.SqliteAsync();
        var s = await Scenario.CreateAsync(host);
        var householdId = Guid.NewGuid();
        await host.ApplyAsync(new HouseholdRegistered(householdId, s.Village, HouseholdStatuses.Active, ["SEMBAKO"], 2, 4, 1, DateTimeOffset.UtcNow));
        var number = SimulatedCard.NewNumber();
        var cardId = Guid.NewGuid();
        await host.ApplyAsync(new CardStatusChanged(cardId, number.Digits, householdId, CardStatuses.Blocked, "hilang PIN", 2, DateTimeOffset.UtcNow));
        await host.ApplyAsync(new CardIssued(cardId, number.Digits, householdId, null, 1, DateTimeOffset.UtcNow));

        var begin = await host.Terminal(s.TerminalId).BeginPayoutAsync(new BeginPayoutRequest { CardNumber = number.Digits });
        Assert.Equal((false, DeclineReason.CardBlocked, CardStatuses.Blocked), (begin.CanPay, begin.Reason, begin.CardStatus));

        await host.ApplyAsync(new CardStatusChanged(cardId, number.Digits, householdId, CardStatuses.Active, "dibuka", 3, DateTimeOffset.UtcNow));
        Assert.True((await host.Terminal(s.TerminalId).BeginPayoutAsync(new BeginPayoutRequest { CardNumber = number.Digits })).CanPay);
    }

    [Fact]
    public async Task A_replacement_that_arrives_before_the_old_card_kills_it_on_arrival()
    {
        var host = await hosts.SqliteAsync();
        var s = await Scenario.CreateAsync(host);
        var householdId = Guid.NewGuid();
        await host.ApplyAsync(new HouseholdRegistered(householdId, s.Village, HouseholdStatuses.Active, ["SEMBAKO"], 2, 4, 1, DateTimeOffset.UtcNow));
        var oldNumber = SimulatedCard.NewNumber();
        var oldId = Guid.NewGuid();
        await host.ApplyAsync(new CardIssued(Guid.NewGuid(), SimulatedCard.NewNumber().Digits, householdId, oldId, 1, DateTimeOffset.UtcNow));
        await host.ApplyAsync(new CardIssued(oldId, oldNumber.Digits, householdId, null, 1, DateTimeOffset.UtcNow));

        var begin = await host.Terminal(s.TerminalId).BeginPayoutAsync(new BeginPayoutRequest { CardNumber = oldNumber.Digits });
        Assert.Equal((false, DeclineReason.CardReplaced, CardStatuses.Replaced), (begin.CanPay, begin.Reason, begin.CardStatus));
    }
}
