using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bansos.Payout.Tests.Support;
using Bansos.Protos.Payout.V1;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;

namespace Bansos.Payout.Tests.Functional;

/// <summary>
/// Training periods (socialisation at the posko): marked at creation, their payouts flagged and
/// kept out of the settlement and the real figures of the reports, counted apart.
/// </summary>
public sealed class TrainingPeriodTests(Hosts hosts)
{
    private static async Task<AidPeriodInfo> OpenTrainingPeriodAsync(PayoutHost host, Scenario s)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var created = await host.Periods().CreatePeriodAsync(new CreatePeriodRequest
        {
            Code = "LATIHAN-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(),
            Programme = "SEMBAKO",
            AmountPerHousehold = 100_000,
            StartDate = Bansos.Payout.Domain.BusinessCalendar.Format(today.AddDays(-1)),
            EndDate = Bansos.Payout.Domain.BusinessCalendar.Format(today.AddDays(30)),
            VillageCodes = { s.Village },
            Training = true,
        });
        Assert.True(created.Training);
        return await host.Periods().OpenPeriodAsync(new PeriodActionRequest { PeriodId = created.PeriodId });
    }

    [Theory]
    [EveryDialect]
    public async Task A_training_payout_is_flagged_and_kept_out_of_the_settlement_and_the_real_reports(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var training = await OpenTrainingPeriodAsync(host, s);
        Assert.True((await host.Periods().GetPeriodAsync(new GetPeriodRequest { PeriodId = training.PeriodId })).Training);
        Assert.False((await host.Periods().GetPeriodAsync(new GetPeriodRequest { PeriodId = s.Period.PeriodId })).Training);
        var card = await s.AddHouseholdAsync();

        var begin = await s.BeginAsync(card);
        Assert.Equal([(s.Period.PeriodId, false), (training.PeriodId, true)],
            begin.Entitlements.Select(e => (e.PeriodId, e.Training)).OrderBy(e => e.Training));
        var real = await s.Terminal.AuthorizePayoutAsync(s.Request(card, begin, 50_000));
        Assert.Equal(PayoutResult.Approved, real.Result);
        var practice = await s.Terminal.AuthorizePayoutAsync(s.Request(card, await s.BeginAsync(card), 30_000, training.PeriodId));
        Assert.Equal(PayoutResult.Approved, practice.Result);
        var reversedPractice = await s.Terminal.AuthorizePayoutAsync(s.Request(card, await s.BeginAsync(card), 10_000, training.PeriodId));
        await s.Terminal.ReversePayoutAsync(new ReversePayoutRequest { PayoutId = reversedPractice.PayoutId, Reason = "latihan batal" });

        var list = await s.Terminal.ListTransactionsAsync(new ListTransactionsRequest());
        Assert.Equal([(real.PayoutId, false), (practice.PayoutId, true), (reversedPractice.PayoutId, true)],
            list.Transactions.Select(t => (t.PayoutId, t.Training)).OrderBy(t => t.Training).ThenBy(t => t.PayoutId == reversedPractice.PayoutId));

        var settlement = await s.Terminal.GetSettlementAsync(new GetSettlementRequest());
        Assert.Equal((1L, 50_000L, 0L, 0L, 0L, 1L, 50_000L),
            (settlement.ApprovedCount, settlement.ApprovedAmount, settlement.ReversedCount, settlement.ReversedAmount,
             settlement.DeclinedCount, settlement.NetCount, settlement.NetAmount));
        Assert.Equal((1L, 30_000L), (settlement.TrainingCount, settlement.TrainingAmount));

        var day = await host.Reports(Bansos.Testing.TestTokens.Auditor()).GetPointDayReportAsync(
            new GetPointDayReportRequest { PointId = s.PointId, BusinessDate = Scenario.Today });
        Assert.Equal((1L, 50_000L, 0L), (day.Total.ApprovedCount, day.Total.NetAmount, day.Total.ReversedCount));
        Assert.Equal(50_000, Assert.Single(day.Terminals).NetAmount);
        Assert.Equal((2L, 40_000L, 1L, 10_000L, 30_000L), (day.Training.ApprovedCount, day.Training.ApprovedAmount,
            day.Training.ReversedCount, day.Training.ReversedAmount, day.Training.NetAmount));

        var periodReport = await host.Reports().GetPeriodVillageReportAsync(new GetPeriodVillageReportRequest { PeriodId = s.Period.PeriodId });
        Assert.False(periodReport.Training);
        Assert.Equal(50_000, periodReport.Total.AmountPaid);
        var trainingReport = await host.Reports().GetPeriodVillageReportAsync(new GetPeriodVillageReportRequest { PeriodId = training.PeriodId });
        Assert.True(trainingReport.Training);
        Assert.Equal(30_000, trainingReport.Total.AmountPaid);
    }

    [Fact]
    public async Task The_rest_facade_creates_a_training_period_and_its_reports_say_so()
    {
        var host = await hosts.SqliteAsync();
        using var client = host.Rest(Bansos.Testing.TestTokens.Admin());
        var created = await client.PostAsJsonAsync("/api/v1/payout/periods", new
        {
            code = "LATIHAN-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(),
            programme = "SEMBAKO",
            amountPerHousehold = 100000,
            startDate = "2021-11-01",
            endDate = "2021-11-30",
            villageCodes = new[] { Scenario.NewVillage() },
            training = true,
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var period = await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(period.GetProperty("training").GetBoolean());

        var id = period.GetProperty("periodId").GetUInt32();
        var report = await client.GetFromJsonAsync<JsonElement>($"/api/v1/payout/reports/periods/{id}/villages", TestContext.Current.CancellationToken);
        Assert.True(report.GetProperty("training").GetBoolean());
    }
}
