using Bansos.Contracts;
using Bansos.Payout.Application;
using Bansos.Payout.Tests.Support;
using Bansos.Protos.Payout.V1;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Tests.Functional;

public sealed class PilotSeedTests
{
    [Fact]
    public async Task The_pilot_seed_opens_SEMBAKO_2021_11_with_a_posko_and_terminal_per_village()
    {
        await using var host = await PayoutHost.StartAsync(DbDialect.Sqlite, settings: [new("Bansos:Pilot:Seed", "true")]);
        AidPeriodInfo? period = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (period?.Status != AidPeriodStatus.Open)
        {
            Assert.True(DateTime.UtcNow < deadline, "the pilot seed did not finish");
            await Task.Delay(100);
            period = (await host.Periods().ListPeriodsAsync(new ListPeriodsRequest())).Periods.SingleOrDefault(p => p.Code == PilotSeeder.PeriodCode);
        }

        Assert.Equal(("SEMBAKO", 200_000L), (period.Programme, period.AmountPerHousehold));
        Assert.Equal(["17.03.12.2001", "17.03.12.2003", "17.03.14.2013", "17.03.14.2017"], period.VillageCodes.Order());
        var points = (await host.Points().ListDistributionPointsAsync(new ListDistributionPointsRequest())).Points;
        Assert.Equal(4, points.Count);
        Assert.All(points, p => Assert.Single(p.Terminals));

        // Seeding again (a restart) adds nothing.
        await host.Service<PilotSeeder>().SeedAsync(CancellationToken.None);
        Assert.Equal(4, (await host.Points().ListDistributionPointsAsync(new ListDistributionPointsRequest())).Points.Count);

        // Pilot households announced later are entitled, and draw at their village's posko.
        var householdId = Guid.NewGuid();
        await host.ApplyAsync(new HouseholdRegistered(householdId, "17.03.14.2017", HouseholdStatuses.Active, ["SEMBAKO", "PKH"], 1, 5, 1, DateTimeOffset.UtcNow));
        Assert.Equal(1, (await host.Periods().GetPeriodAsync(new GetPeriodRequest { PeriodId = period.PeriodId })).EntitlementCount);
        var airPetai = points.Single(p => p.VillageCode == "17.03.14.2017").Terminals[0].TerminalId;
        var number = SimulatedCard.NewNumber();
        await host.ApplyAsync(new CardIssued(Guid.NewGuid(), number.Digits, householdId, null, 1, DateTimeOffset.UtcNow));
        var begin = await host.Terminal(airPetai).BeginPayoutAsync(new BeginPayoutRequest { CardNumber = number.Digits });
        Assert.True(begin.CanPay);
        Assert.Equal(PilotSeeder.PeriodCode, Assert.Single(begin.Entitlements).PeriodCode);
    }
}
