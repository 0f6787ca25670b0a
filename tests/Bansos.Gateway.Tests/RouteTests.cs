using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bansos.Gateway.Tests.Support;
using Bansos.Protos.Payout.V1;
using Bansos.Protos.Registry.V1;
using Bansos.ServiceDefaults.Auth;
using Google.Protobuf;
using Grpc.Core;

namespace Bansos.Gateway.Tests;

/// <summary>Each route group: refused without a token (401) or with the wrong role (403); admins reach every service through REST transcoding and gRPC.</summary>
public sealed class RouteTests(GatewayStack stack) : IClassFixture<GatewayStack>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> RestGroups => new()
    {
        { "GET", "/api/v1/registry/villages" },
        { "GET", "/api/v1/payout/periods" },
        { "GET", "/api/v1/complaint/tickets" },
        { "GET", "/api/v1/gateway/users" },
        { "POST", "/api/v1/registry/imports" },
    };

    [Theory]
    [MemberData(nameof(RestGroups))]
    public async Task Without_a_token_every_REST_group_is_401_problem_details(string method, string path)
    {
        using var response = await stack.Https().SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_a_token_every_gRPC_group_is_unauthenticated()
    {
        var channel = stack.Grpc();

        await AssertStatus(StatusCode.Unauthenticated, () => new AreaService.AreaServiceClient(channel).ListServedVillagesAsync(new ListServedVillagesRequest(), cancellationToken: Ct).ResponseAsync);
        await AssertStatus(StatusCode.Unauthenticated, () => new AidPeriodService.AidPeriodServiceClient(channel).ListPeriodsAsync(new ListPeriodsRequest(), cancellationToken: Ct).ResponseAsync);
        await AssertStatus(StatusCode.Unauthenticated, () => new PayoutTerminalService.PayoutTerminalServiceClient(channel).PingAsync(new PingRequest(), cancellationToken: Ct).ResponseAsync);
    }

    [Fact]
    public async Task The_wrong_role_is_403_at_the_gateway_on_every_group()
    {
        var operatorToken = await stack.UserTokenAsync("op-routes", BansosRoles.Operator, Csv.Village);
        var auditorToken = await stack.UserTokenAsync("aud-routes", BansosRoles.Auditor);
        var admin = await stack.AdminTokenAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await stack.Https(operatorToken).GetAsync("/api/v1/payout/periods", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stack.Https(auditorToken).GetAsync("/api/v1/gateway/users", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stack.Https(operatorToken).PostAsync("/api/v1/registry/imports", new StringContent(Csv.OneHousehold), Ct)).StatusCode);
        await AssertStatus(StatusCode.PermissionDenied, () => new PayoutTerminalService.PayoutTerminalServiceClient(stack.Grpc(admin)).PingAsync(new PingRequest(), cancellationToken: Ct).ResponseAsync);
        await AssertStatus(StatusCode.PermissionDenied, () => new AidPeriodService.AidPeriodServiceClient(stack.Grpc(operatorToken)).ListPeriodsAsync(new ListPeriodsRequest(), cancellationToken: Ct).ResponseAsync);
    }

    [Fact]
    public async Task The_service_still_checks_each_RPC_behind_the_gateway()
    {
        // The gateway lets operators into the registry group; changing a household's status is admin-only in the registry.
        var operatorToken = await stack.UserTokenAsync("op-rpc", BansosRoles.Operator, Csv.Village);

        using var response = await stack.Https(operatorToken).PostAsJsonAsync(
            $"/api/v1/registry/households/{Guid.NewGuid()}/status", new { status = "HOUSEHOLD_STATUS_SUSPENDED", reason = "uji" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Admin_routes_transcode_REST_to_gRPC_on_every_service()
    {
        using var admin = stack.Https(await stack.AdminTokenAsync());

        using var villages = await admin.GetAsync("/api/v1/registry/villages", Ct);
        using var provinces = await admin.GetAsync("/api/v1/registry/areas/provinces", Ct);
        using var periods = await admin.GetAsync("/api/v1/payout/periods", Ct);
        using var point = await admin.PostAsJsonAsync("/api/v1/payout/points",
            new { name = "Posko Routes", kind = "DISTRIBUTION_POINT_KIND_POSKO", villageCode = Csv.Village }, Ct);
        var pointId = Agent.Id(JsonDocument.Parse(await point.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("pointId"));
        using var terminal = await admin.PostAsJsonAsync($"/api/v1/payout/points/{pointId}/terminals", new { label = "Kasir 1" }, Ct);
        using var points = await admin.GetAsync("/api/v1/payout/points", Ct);

        Assert.Equal(HttpStatusCode.OK, villages.StatusCode);
        Assert.Contains("Bengkulu", await provinces.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, periods.StatusCode);
        Assert.Equal(HttpStatusCode.OK, point.StatusCode);
        Assert.Equal(HttpStatusCode.OK, terminal.StatusCode);
        Assert.Contains("Kasir 1", await points.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_CSV_upload_streams_through_and_an_auditor_sees_personal_data_masked()
    {
        using var admin = stack.Https(await stack.AdminTokenAsync());
        using var upload = await admin.PostAsync("/api/v1/registry/imports?fileName=uji.csv",
            new StringContent(Csv.OneHousehold, Encoding.UTF8, "text/csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);

        var auditor = stack.Https(await stack.UserTokenAsync("aud-mask", BansosRoles.Auditor));
        var asAuditor = await auditor.GetStringAsync($"/api/v1/registry/households?villageCode={Csv.Village}", Ct);
        var asAdmin = await admin.GetStringAsync($"/api/v1/registry/households?villageCode={Csv.Village}", Ct);

        Assert.Contains("Budi Santoso", asAdmin, StringComparison.Ordinal);
        Assert.DoesNotContain("Budi Santoso", asAuditor, StringComparison.Ordinal);
        Assert.DoesNotContain(Csv.HeadNik, asAuditor, StringComparison.Ordinal);
        Assert.Contains("householdId", asAuditor, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unary_and_client_streaming_gRPC_pass_through()
    {
        var channel = stack.Grpc(await stack.AdminTokenAsync());
        using var import = new ImportService.ImportServiceClient(channel).ImportHouseholds(cancellationToken: Ct);
        await import.RequestStream.WriteAsync(new ImportHouseholdsRequest { Options = new ImportOptions { FileName = "grpc.csv" } }, Ct);
        var bytes = Encoding.UTF8.GetBytes(Csv.OneHousehold);
        foreach (var chunk in bytes.Chunk(40))
        {
            await import.RequestStream.WriteAsync(new ImportHouseholdsRequest { Chunk = ByteString.CopyFrom(chunk) }, Ct);
        }

        await import.RequestStream.CompleteAsync();
        var result = await import.ResponseAsync;
        var villages = await new AreaService.AreaServiceClient(channel).ListServedVillagesAsync(new ListServedVillagesRequest(), cancellationToken: Ct);

        Assert.Equal(0, result.RowsRejected);
        Assert.Contains(villages.Villages, v => v.Code == Csv.Village && v.HouseholdCount >= 1);
    }

    [Fact]
    public async Task Healthz_reports_each_backend()
    {
        using var http = new HttpClient { BaseAddress = stack.GatewayHttp };
        var health = JsonDocument.Parse(await http.GetStringAsync("/healthz", Ct)).RootElement.GetProperty("services");

        Assert.Equal("ok", health.GetProperty("registry").GetString());
        Assert.Equal("ok", health.GetProperty("payout").GetString());
        Assert.Equal("unreachable", health.GetProperty("complaint").GetString());
    }

    private static async Task AssertStatus(StatusCode expected, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(expected, error.StatusCode);
    }
}
