using Bansos.Contracts;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bansos.Card.Crypto;
using Bansos.Payout.Application;
using Bansos.Payout.Tests.Support;
using Bansos.Protos.Payout.V1;
using Bansos.ServiceDefaults.Audit;
using Bansos.ServiceDefaults.Auth;
using Bansos.Testing;
using Grpc.Core;

namespace Bansos.Payout.Tests.Functional;

public sealed class AdministrationTests(Hosts hosts)
{
    [Fact]
    public async Task Admin_rpcs_need_the_admin_role_and_reports_admin_or_auditor()
    {
        var host = await hosts.SqliteAsync();
        var s = await Scenario.CreateAsync(host);
        foreach (var token in new[] { TestTokens.Operator(), TestTokens.Auditor(), TestTokens.Terminal(s.TerminalId) })
        {
            var periods = await Assert.ThrowsAsync<RpcException>(() => host.Periods(token).ListPeriodsAsync(new ListPeriodsRequest()).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, periods.StatusCode);
            var points = await Assert.ThrowsAsync<RpcException>(() =>
                host.Points(token).ListDistributionPointsAsync(new ListDistributionPointsRequest()).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, points.StatusCode);
            var keys = await Assert.ThrowsAsync<RpcException>(() =>
                host.Keys(token).GetCardPersonalisationAsync(new GetCardPersonalisationRequest { CardNumber = "9900170000000011" }).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, keys.StatusCode);
        }

        var report = new GetPeriodVillageReportRequest { PeriodId = s.Period.PeriodId };
        await host.Reports(TestTokens.Auditor()).GetPeriodVillageReportAsync(report);
        await host.Reports(TestTokens.Admin()).GetPeriodVillageReportAsync(report);
        var operatorReport = await Assert.ThrowsAsync<RpcException>(() => host.Reports(TestTokens.Operator()).GetPeriodVillageReportAsync(report).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, operatorReport.StatusCode);

        var anonymous = new AidPeriodService.AidPeriodServiceClient(host.Channel(""));
        var noToken = await Assert.ThrowsAsync<RpcException>(() => anonymous.ListPeriodsAsync(new ListPeriodsRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, noToken.StatusCode);
    }

    [Fact]
    public async Task Personalisation_data_matches_what_the_service_verifies_with_and_is_audited()
    {
        var host = await hosts.SqliteAsync();
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var data = await host.Keys().GetCardPersonalisationAsync(new GetCardPersonalisationRequest { CardNumber = card.Number.Digits });
        Assert.Equal(card.CardKey, data.CardKey.ToByteArray());
        Assert.Equal(CardKeys.DerivePuk(card.CardKey), data.Puk);
        Assert.Matches("^[0-9]{8}$", data.Puk);

        var history = await host.Service<IAuditTrail>().ListAsync("card", card.Number.Digits);
        var entry = Assert.Single(history);
        Assert.Equal("card.personalisation-data-issued", entry.Action);
        Assert.Equal("admin-test", entry.Actor);

        var bad = await Assert.ThrowsAsync<RpcException>(() =>
            host.Keys().GetCardPersonalisationAsync(new GetCardPersonalisationRequest { CardNumber = "9900170000000012" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
    }

    [Fact]
    public async Task Personalisation_data_is_given_once_per_card_a_second_call_is_FailedPrecondition()
    {
        var host = await hosts.SqliteAsync();
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var request = new GetCardPersonalisationRequest { CardNumber = card.Number.Digits };

        var first = await host.Keys().GetCardPersonalisationAsync(request);
        var again = await Assert.ThrowsAsync<RpcException>(() => host.Keys().GetCardPersonalisationAsync(request).ResponseAsync);
        var otherAdmin = await Assert.ThrowsAsync<RpcException>(() =>
            host.Keys(TestTokens.Admin("admin-other")).GetCardPersonalisationAsync(request).ResponseAsync);

        Assert.Equal(card.CardKey, first.CardKey.ToByteArray());
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Contains("sudah dipersonalisasi", again.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("replace", again.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.FailedPrecondition, otherAdmin.StatusCode);
        Assert.Single(await host.Service<IAuditTrail>().ListAsync("card", card.Number.Digits));

        // The replacement card (a new number) is personalised once in its turn.
        var replacement = await s.IssueCardAsync(card.HouseholdId, replaces: card.CardId);
        var data = await host.Keys().GetCardPersonalisationAsync(new GetCardPersonalisationRequest { CardNumber = replacement.Number.Digits });
        Assert.Equal(replacement.CardKey, data.CardKey.ToByteArray());
    }

    [Fact]
    public async Task Personalisation_data_is_refused_for_a_card_not_issued_or_no_longer_live()
    {
        var host = await hosts.SqliteAsync();
        var s = await Scenario.CreateAsync(host);
        var lost = await s.AddHouseholdAsync();
        await host.ApplyAsync(new CardStatusChanged(lost.CardId, lost.Number.Digits, lost.HouseholdId, CardStatuses.Lost, "hilang", 2, DateTimeOffset.UtcNow));
        var replaced = await s.AddHouseholdAsync();
        await s.IssueCardAsync(replaced.HouseholdId, replaces: replaced.CardId);
        var neverIssued = SimulatedCard.NewNumber().Digits;

        foreach (var number in new[] { lost.Number.Digits, replaced.Number.Digits, neverIssued })
        {
            var error = await Assert.ThrowsAsync<RpcException>(() =>
                host.Keys().GetCardPersonalisationAsync(new GetCardPersonalisationRequest { CardNumber = number }).ResponseAsync);
            Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
            Assert.Empty(await host.Service<IAuditTrail>().ListAsync("card", number));
        }
    }

    [Fact]
    public async Task Points_and_terminals_are_created_listed_and_disabled()
    {
        var host = await hosts.SqliteAsync();
        var village = Scenario.NewVillage();
        var point = await host.Points().CreateDistributionPointAsync(new CreateDistributionPointRequest
        {
            Name = "e-Warong Makmur",
            Kind = DistributionPointKind.EWarong,
            VillageCode = village,
        });
        var terminal = await host.Points().RegisterTerminalAsync(new RegisterTerminalRequest { PointId = point.PointId, Label = "Kasir 1" });
        Assert.Equal(TerminalStatus.Active, terminal.Status);
        var disabled = await host.Points().SetTerminalStatusAsync(new SetTerminalStatusRequest
        {
            TerminalId = terminal.TerminalId,
            Status = TerminalStatus.Disabled,
            Reason = "dicuri",
        });
        Assert.Equal(TerminalStatus.Disabled, disabled.Status);

        var listed = Assert.Single((await host.Points().ListDistributionPointsAsync(new ListDistributionPointsRequest { VillageCode = village })).Points);
        Assert.Equal((DistributionPointKind.EWarong, "e-Warong Makmur"), (listed.Kind, listed.Name));
        Assert.Equal(TerminalStatus.Disabled, Assert.Single(listed.Terminals).Status);

        var duplicate = await Assert.ThrowsAsync<RpcException>(() => host.Points().CreateDistributionPointAsync(new CreateDistributionPointRequest
        {
            Name = "e-Warong Makmur",
            Kind = DistributionPointKind.EWarong,
            VillageCode = village,
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, duplicate.StatusCode);
        var noKind = await Assert.ThrowsAsync<RpcException>(() => host.Points().CreateDistributionPointAsync(new CreateDistributionPointRequest
        {
            Name = "Posko",
            VillageCode = "17.3",
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, noKind.StatusCode);
        var noPoint = await Assert.ThrowsAsync<RpcException>(() =>
            host.Points().RegisterTerminalAsync(new RegisterTerminalRequest { PointId = 9_999_999, Label = "x" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, noPoint.StatusCode);
    }

    [Fact]
    public async Task The_point_watch_sends_the_list_then_a_change_at_once_and_ends_when_its_token_expires()
    {
        var host = await hosts.SqliteAsync();
        var point = await host.Points().CreateDistributionPointAsync(new CreateDistributionPointRequest
        {
            Name = "Posko Watch",
            Kind = DistributionPointKind.Posko,
            VillageCode = Scenario.NewVillage(),
        });
        var terminal = await host.Points().RegisterTerminalAsync(new RegisterTerminalRequest { PointId = point.PointId, Label = "Kasir 1" });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        using var watch = host.Points().WatchDistributionPoints(new WatchDistributionPointsRequest(), cancellationToken: cts.Token);
        Assert.True(await watch.ResponseStream.MoveNext(cts.Token));
        Assert.Equal(TerminalStatus.Active, StatusOf(watch.ResponseStream.Current, terminal.TerminalId));

        // Pushed after the commit: well before the 20 s resend, which would otherwise be the first chance.
        var disabledAt = DateTimeOffset.UtcNow;
        await host.Points().SetTerminalStatusAsync(new SetTerminalStatusRequest
        {
            TerminalId = terminal.TerminalId,
            Status = TerminalStatus.Disabled,
            Reason = "dicuri",
        });
        // The host is shared: other tests' changes push lists too, so read until this terminal shows disabled.
        do
        {
            Assert.True(await watch.ResponseStream.MoveNext(cts.Token));
        }
        while (StatusOf(watch.ResponseStream.Current, terminal.TerminalId) != TerminalStatus.Disabled);

        Assert.True(DateTimeOffset.UtcNow - disabledAt < PointAdministration.WatchResendInterval / 2);

        // A stream is authorized as long as the token that opened it, no longer.
        var shortLived = TestTokens.Issuer.Issue("admin-short", [BansosRoles.Admin], TimeSpan.FromSeconds(2));
        using var expiring = host.Points(shortLived).WatchDistributionPoints(new WatchDistributionPointsRequest(), cancellationToken: cts.Token);
        Assert.True(await expiring.ResponseStream.MoveNext(cts.Token));
        var opened = DateTimeOffset.UtcNow;
        while (await expiring.ResponseStream.MoveNext(cts.Token))
        {
        }

        Assert.Equal(StatusCode.OK, expiring.GetStatus().StatusCode);
        Assert.True(DateTimeOffset.UtcNow - opened < PointAdministration.WatchResendInterval, "ended at the token's expiry, not later");

        var notAdmin = host.Points(TestTokens.Operator()).WatchDistributionPoints(new WatchDistributionPointsRequest(), cancellationToken: cts.Token);
        var refused = await Assert.ThrowsAsync<RpcException>(() => notAdmin.ResponseStream.MoveNext(cts.Token));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    private static TerminalStatus StatusOf(ListDistributionPointsResponse list, long terminalId) =>
        list.Points.SelectMany(p => p.Terminals).Single(t => t.TerminalId == terminalId).Status;

    [Fact]
    public async Task The_rest_facade_serves_admins_over_http1()
    {
        var host = await hosts.SqliteAsync();
        using var client = host.Rest(TestTokens.Admin());
        var village = Scenario.NewVillage();
        var created = await client.PostAsJsonAsync("/api/v1/payout/periods", new
        {
            code = "REST-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(),
            programme = "PKH",
            amountPerHousehold = 150000,
            startDate = "2021-11-01",
            endDate = "2021-11-30",
            villageCodes = new[] { village },
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var period = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = period.GetProperty("periodId").GetUInt32();
        Assert.Equal("AID_PERIOD_STATUS_DRAFT", period.GetProperty("status").GetString());

        var opened = await client.PostAsJsonAsync($"/api/v1/payout/periods/{id}/open", new { });
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var report = await client.GetFromJsonAsync<JsonElement>($"/api/v1/payout/reports/periods/{id}/villages");
        Assert.Equal(village, report.GetProperty("villages")[0].GetProperty("villageCode").GetString());

        using var auditor = host.Rest(TestTokens.Auditor());
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/v1/payout/periods")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/v1/payout/reports/periods/{id}/villages")).StatusCode);
    }
}
