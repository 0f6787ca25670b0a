using Bansos.Contracts;
using Bansos.Payout.Application;
using Bansos.Payout.Data;
using Bansos.Payout.Domain;
using Bansos.Payout.Tests.Support;
using Bansos.Protos.Payout.V1;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Dapper;
using Grpc.Core;

namespace Bansos.Payout.Tests.Functional;

public sealed class PeriodTests(Hosts hosts)
{
    [Theory]
    [EveryDialect]
    public async Task Opening_grants_exactly_the_households_the_eligibility_rule_names(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host, open: false);
        var elsewhere = Scenario.NewVillage();
        var households = new List<HouseholdRegistered>
        {
            New(s.Village, HouseholdStatuses.Active, "SEMBAKO"),
            New(s.Village, HouseholdStatuses.Active, "PKH", "SEMBAKO"),
            New(s.Village, HouseholdStatuses.Suspended, "SEMBAKO"),
            New(s.Village, HouseholdStatuses.Removed, "SEMBAKO"),
            New(s.Village, HouseholdStatuses.Active, "PKH"),
            New(elsewhere, HouseholdStatuses.Active, "SEMBAKO"),
        };
        foreach (var household in households)
        {
            await host.ApplyAsync(household);
        }

        var opened = await host.Periods().OpenPeriodAsync(new PeriodActionRequest { PeriodId = s.Period.PeriodId });
        Assert.Equal(Bansos.Protos.Payout.V1.AidPeriodStatus.Open, opened.Status);
        Assert.Equal(2, opened.EntitlementCount);

        await using var connection = await host.Db.OpenConnectionAsync();
        var granted = (await connection.QueryAsync<Guid>("SELECT household_id FROM entitlements WHERE period_id = @p",
            new { p = (long)opened.PeriodId })).ToHashSet();
        var sessions = host.Service<IDbSessions>();
        var period = (await sessions.ReadAsync(session => host.Service<PeriodStore>().GetAsync(session, opened.PeriodId, CancellationToken.None)))!;
        foreach (var household in households)
        {
            var facts = await sessions.ReadAsync(session => host.Service<ProjectionStore>().GetHouseholdAsync(session, household.HouseholdId, CancellationToken.None));
            Assert.Equal(Eligibility.IsEligible(facts!, period), granted.Contains(household.HouseholdId));
        }
    }

    [Fact]
    public async Task Households_that_become_eligible_while_the_period_is_open_get_their_entitlement()
    {
        var host = await hosts.SqliteAsync();
        var s = await Scenario.CreateAsync(host);
        Assert.Equal(0, s.Period.EntitlementCount);

        var latecomer = New(s.Village, HouseholdStatuses.Active, "SEMBAKO");
        await host.ApplyAsync(latecomer);

        var suspended = New(s.Village, HouseholdStatuses.Suspended, "SEMBAKO");
        await host.ApplyAsync(suspended);
        await host.ApplyAsync(new HouseholdStatusChanged(suspended.HouseholdId, HouseholdStatuses.Active, null, 2, DateTimeOffset.UtcNow));

        var notEnrolled = New(s.Village, HouseholdStatuses.Active, "PKH");
        await host.ApplyAsync(notEnrolled);
        await host.ApplyAsync(new HouseholdChanged(notEnrolled.HouseholdId, s.Village, ["PKH", "SEMBAKO"], 2, 4, 2, DateTimeOffset.UtcNow));

        var moved = New(Scenario.NewVillage(), HouseholdStatuses.Active, "SEMBAKO");
        await host.ApplyAsync(moved);
        await host.ApplyAsync(new HouseholdChanged(moved.HouseholdId, s.Village, ["SEMBAKO"], 2, 4, 2, DateTimeOffset.UtcNow));

        var period = await host.Periods().GetPeriodAsync(new GetPeriodRequest { PeriodId = s.Period.PeriodId });
        Assert.Equal(4, period.EntitlementCount);

        // and a card of one of them draws at once
        var card = await s.IssueCardAsync(latecomer.HouseholdId);
        Assert.Equal(PayoutResult.Approved, (await s.PayAsync(card, 200_000)).Result);
    }

    [Fact]
    public async Task Lifecycle_mistakes_are_refused()
    {
        var host = await hosts.SqliteAsync();
        var s = await Scenario.CreateAsync(host);
        var periods = host.Periods();
        var reopen = await Assert.ThrowsAsync<RpcException>(() => periods.OpenPeriodAsync(new PeriodActionRequest { PeriodId = s.Period.PeriodId }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, reopen.StatusCode);

        var duplicate = await Assert.ThrowsAsync<RpcException>(() => periods.CreatePeriodAsync(new CreatePeriodRequest
        {
            Code = s.Period.Code,
            Programme = "SEMBAKO",
            AmountPerHousehold = 1,
            StartDate = "2021-11-01",
            EndDate = "2021-11-30",
            VillageCodes = { s.Village },
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, duplicate.StatusCode);

        var invalid = await Assert.ThrowsAsync<RpcException>(() => periods.CreatePeriodAsync(new CreatePeriodRequest { Code = "x" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);

        await periods.ClosePeriodAsync(new PeriodActionRequest { PeriodId = s.Period.PeriodId });
        var closeAgain = await Assert.ThrowsAsync<RpcException>(() => periods.ClosePeriodAsync(new PeriodActionRequest { PeriodId = s.Period.PeriodId }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, closeAgain.StatusCode);
        var missing = await Assert.ThrowsAsync<RpcException>(() => periods.GetPeriodAsync(new GetPeriodRequest { PeriodId = 4_000_000 }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);

        var listed = await periods.ListPeriodsAsync(new ListPeriodsRequest());
        var mine = Assert.Single(listed.Periods, p => p.PeriodId == s.Period.PeriodId);
        Assert.Equal(Bansos.Protos.Payout.V1.AidPeriodStatus.Closed, mine.Status);
        Assert.Equal([s.Village], mine.VillageCodes);
    }

    private static HouseholdRegistered New(string village, string status, params string[] programmes) =>
        new(Guid.NewGuid(), village, status, programmes, 3, 4, 1, DateTimeOffset.UtcNow);
}
