using Bansos.Payout.Tests.Support;
using Bansos.Protos.Payout.V1;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Grpc.Core;

namespace Bansos.Payout.Tests.Functional;

public sealed class ReversalAndSettlementTests(Hosts hosts)
{
    [Theory]
    [EveryDialect]
    public async Task A_reversal_credits_the_entitlement_back_once(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var paid = await s.PayAsync(card, 75_000);

        var reversed = await s.Terminal.ReversePayoutAsync(new ReversePayoutRequest { PayoutId = paid.PayoutId, Reason = "salah jumlah" });
        Assert.Equal((75_000L, 200_000L), (reversed.Amount, reversed.BalanceAfter));
        Assert.Equal(200_000, Assert.Single((await s.BeginAsync(card)).Entitlements).Balance);

        var again = await Assert.ThrowsAsync<RpcException>(() =>
            s.Terminal.ReversePayoutAsync(new ReversePayoutRequest { PayoutId = paid.PayoutId, Reason = "lagi" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Equal(200_000, Assert.Single((await s.BeginAsync(card)).Entitlements).Balance);

        var transaction = Assert.Single((await s.Terminal.ListTransactionsAsync(new ListTransactionsRequest())).Transactions);
        Assert.True(transaction.Reversed);
        Assert.Equal("salah jumlah", transaction.ReversalReason);
        Assert.Equal(card.Number.ToMaskedString(), transaction.CardNumber);
    }

    [Theory]
    [EveryDialect]
    public async Task Only_the_terminal_that_paid_may_reverse_and_only_approvals_with_a_reason(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var other = await s.AddTerminalAsync();
        var card = await s.AddHouseholdAsync();
        var paid = await s.PayAsync(card, 10_000);

        var elsewhere = await Assert.ThrowsAsync<RpcException>(() =>
            host.Terminal(other).ReversePayoutAsync(new ReversePayoutRequest { PayoutId = paid.PayoutId, Reason = "bukan saya" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, elsewhere.StatusCode);

        var noReason = await Assert.ThrowsAsync<RpcException>(() =>
            s.Terminal.ReversePayoutAsync(new ReversePayoutRequest { PayoutId = paid.PayoutId, Reason = " " }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);

        var begin = await s.BeginAsync(card);
        var declined = await s.Terminal.AuthorizePayoutAsync(s.Request(card, begin, 0));
        var notApproved = await Assert.ThrowsAsync<RpcException>(() =>
            s.Terminal.ReversePayoutAsync(new ReversePayoutRequest { PayoutId = declined.PayoutId, Reason = "batal" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, notApproved.StatusCode);
    }

    [Theory]
    [EveryDialect]
    public async Task A_disabled_terminal_cannot_reverse(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var paid = await s.PayAsync(card, 10_000);
        await host.Points().SetTerminalStatusAsync(new SetTerminalStatusRequest { TerminalId = s.TerminalId, Status = TerminalStatus.Disabled, Reason = "dicuri" });
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            s.Terminal.ReversePayoutAsync(new ReversePayoutRequest { PayoutId = paid.PayoutId, Reason = "batal" }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        // The balance is read at another terminal: a disabled one learns nothing from BeginPayout.
        Assert.Equal(190_000, Assert.Single((await s.BeginAsync(card, await s.AddTerminalAsync())).Entitlements).Balance);
    }

    [Theory]
    [EveryDialect]
    public async Task The_settlement_and_the_point_report_count_and_sum_the_day(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var a = await s.AddHouseholdAsync();
        var b = await s.AddHouseholdAsync();
        await s.PayAsync(a, 50_000);
        var reversed = await s.PayAsync(a, 20_000);
        await s.PayAsync(b, 200_000);
        await s.Terminal.ReversePayoutAsync(new ReversePayoutRequest { PayoutId = reversed.PayoutId, Reason = "salah jumlah" });
        var begin = await s.BeginAsync(b);
        Assert.False(begin.CanPay); // b is fully paid

        var settlement = await s.Terminal.GetSettlementAsync(new GetSettlementRequest());
        Assert.Equal(Scenario.Today, settlement.BusinessDate);
        Assert.Equal((3L, 270_000L, 1L, 20_000L, 0L, 2L, 250_000L),
            (settlement.ApprovedCount, settlement.ApprovedAmount, settlement.ReversedCount, settlement.ReversedAmount,
             settlement.DeclinedCount, settlement.NetCount, settlement.NetAmount));

        var report = await host.Reports(Bansos.Testing.TestTokens.Auditor()).GetPointDayReportAsync(
            new GetPointDayReportRequest { PointId = s.PointId, BusinessDate = Scenario.Today });
        Assert.Equal(250_000, report.Total.NetAmount);
        Assert.Equal(s.TerminalId, Assert.Single(report.Terminals).TerminalId);

        var yesterday = await s.Terminal.GetSettlementAsync(new GetSettlementRequest { BusinessDate = "2021-11-01" });
        Assert.Equal(0, yesterday.ApprovedCount);
    }

    [Theory]
    [EveryDialect]
    public async Task The_period_report_counts_entitled_and_paid_households_per_village(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var a = await s.AddHouseholdAsync();
        var b = await s.AddHouseholdAsync();
        await s.AddHouseholdAsync();
        await s.PayAsync(a, 200_000);
        await s.PayAsync(b, 50_000);

        var report = await host.Reports().GetPeriodVillageReportAsync(new GetPeriodVillageReportRequest { PeriodId = s.Period.PeriodId });
        var village = Assert.Single(report.Villages);
        Assert.Equal(s.Village, village.VillageCode);
        Assert.Equal((3L, 2L, 1L, 600_000L, 250_000L, 350_000L),
            (village.EntitledHouseholds, village.PaidHouseholds, village.FullyPaidHouseholds, village.AmountEntitled, village.AmountPaid, village.AmountLeft));
        Assert.Equal(250_000, report.Total.AmountPaid);
    }
}
