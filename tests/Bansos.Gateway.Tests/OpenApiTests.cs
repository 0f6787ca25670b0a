using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bansos.Gateway.Tests.Support;
using Bansos.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;

namespace Bansos.Gateway.Tests;

/// <summary>The OpenAPI document covers the whole facade, and the UI lists its operations in a real (headless) chromium.</summary>
public sealed class OpenApiTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "bansos-gateway-docs", Guid.NewGuid().ToString("N"));
    private readonly int port = FreePorts.Next();
    private WebApplication? gateway;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Uri Http => new($"http://127.0.0.1:{port}");

    public async ValueTask InitializeAsync()
    {
        gateway = GatewayApp.Build([], configuration => configuration.AddInMemoryCollection(
        [
            new("Bansos:DataDir", folder),
            new("Bansos:Gateway:HttpPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Bansos:Gateway:HttpsPort", "0"),
            new("Logging:LogLevel:Default", "Warning"),
        ]));
        await gateway.StartAsync(Ct);
    }

    [Fact]
    public async Task The_document_has_every_group_and_each_operation_names_its_roles()
    {
        using var http = new HttpClient { BaseAddress = Http };
        using var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json", Ct));
        var paths = document.RootElement.GetProperty("paths");
        var operations = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).ToList();

        Assert.True(paths.TryGetProperty("/api/v1/registry/households", out _));
        Assert.True(paths.TryGetProperty("/api/v1/payout/periods", out _));
        Assert.True(paths.TryGetProperty("/api/v1/registry/imports", out _));
        Assert.True(paths.TryGetProperty("/api/v1/gateway/users", out _));
        Assert.True(paths.TryGetProperty("/api/v1/auth/token", out _));
        Assert.All(operations, o => Assert.Contains("role", o.Value.GetProperty("summary").GetString(), StringComparison.Ordinal));
        Assert.Equal(operations.Count, operations.Select(o => o.Value.GetProperty("operationId").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Each_operation_needs_the_roles_of_its_route_group_and_of_its_RPC_in_the_service()
    {
        using var http = new HttpClient { BaseAddress = Http };
        using var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json", Ct));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject())
            .ToDictionary(o => o.Value.GetProperty("operationId").GetString()!, o => o.Value);

        // The gateway lets admin and auditor into payout, the service only admin for a new period.
        Assert.Equal(["admin"], Roles(operations["AidPeriodService_CreatePeriod"], "x-bansos-roles"));
        Assert.Equal(["admin", "auditor"], Roles(operations["AidPeriodService_CreatePeriod"], "x-bansos-gateway-roles"));
        Assert.Equal(["admin", "auditor"], Roles(operations["PayoutReportService_GetPeriodVillageReport"], "x-bansos-roles"));
        Assert.Equal(["admin", "operator"], Roles(operations["CardService_BlockCard"], "x-bansos-roles"));
        Assert.Equal(["admin", "operator", "terminal"], Roles(operations["ComplaintService_FileComplaint"], "x-bansos-roles"));
        Assert.StartsWith("CreatePeriod (roles: admin)", operations["AidPeriodService_CreatePeriod"].GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.All(operations.Where(o => o.Value.TryGetProperty("x-bansos-gateway-roles", out _)), o =>
        {
            var needed = Roles(o.Value, "x-bansos-roles");
            Assert.NotEmpty(needed);
            Assert.Equal(Roles(o.Value, "x-bansos-gateway-roles").Intersect(Roles(o.Value, "x-bansos-service-roles")), needed);
        });
    }

    [Fact]
    public async Task The_main_operations_carry_request_examples_their_RPC_reads()
    {
        using var http = new HttpClient { BaseAddress = Http };
        using var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json", Ct));
        var paths = document.RootElement.GetProperty("paths");

        var complaint = Example(paths, "/api/v1/complaint/complaints", "post", "application/json");
        var period = Example(paths, "/api/v1/payout/periods", "post", "application/json");
        var open = Example(paths, "/api/v1/payout/periods/{period_id}/open", "post", "application/json");
        var household = Example(paths, "/api/v1/registry/imports", "post", "text/csv");

        // Proto3 JSON as the services' transcoding reads it: a field or enum name out of step with the protos fails here.
        var parser = new Google.Protobuf.JsonParser(Google.Protobuf.JsonParser.Settings.Default);
        var filed = parser.Parse<Bansos.Protos.Complaint.V1.FileComplaintRequest>(complaint.GetRawText());
        Assert.Equal(Bansos.Protos.Complaint.V1.ComplaintCategory.CardLostOrBroken, filed.Category);
        Assert.Equal("17.03.12.2003", filed.VillageCode);
        var created = parser.Parse<Bansos.Protos.Payout.V1.CreatePeriodRequest>(period.GetRawText());
        Assert.Equal(("SEMBAKO-2021-11", 200_000L), (created.Code, created.AmountPerHousehold));
        Assert.Equal(4, created.VillageCodes.Count);
        parser.Parse<Bansos.Protos.Payout.V1.PeriodActionRequest>(open.GetRawText());
        Assert.StartsWith("kk,nik,nama,hubungan,", household.GetString(), StringComparison.Ordinal);
        Assert.Equal(3, household.GetString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private static string[] Roles(JsonElement operation, string property) =>
        [.. operation.GetProperty(property).EnumerateArray().Select(r => r.GetString()!)];

    private static JsonElement Example(JsonElement paths, string path, string verb, string mediaType) =>
        paths.GetProperty(path).GetProperty(verb).GetProperty("requestBody").GetProperty("content").GetProperty(mediaType)
            .GetProperty("examples").EnumerateObject().First().Value.GetProperty("value");

    [Fact]
    public async Task The_UI_lists_the_operations_in_headless_chromium()
    {
        const string chromium = "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            if (TestServers.IsCi)
            {
                Assert.Fail("CI=true and chromium is missing; .ci/servers.sh installs it.");
            }

            Assert.Skip("chromium is not installed (apt-get install chromium, or .ci/servers.sh).");
        }

        // Playwright drives Debian's chromium (its own browser download cannot work here) and waits for
        // what the page's script renders from the document: the served HTML holds none of it.
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            Timeout = 60_000,
        });
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(new Uri(Http, "/docs/").ToString());

        // Every group in the sidebar (closed, or the one opened first), then the first group's operation
        // with its roles: which group opens first depends on the document's order.
        foreach (var group in new[] { "AreaService", "HouseholdService", "CardService", "ImportService", "AidPeriodService", "DistributionPointService", "PayoutReportService", "ComplaintService", "auth", "gateway" })
        {
            await page.GetByText(new Regex($"(Open|Close) Group - {group}\\b")).First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        }

        await page.GetByText(new Regex(@"[A-Za-z]+ \(roles: [a-z, ]+\)")).First.WaitForAsync();
        await page.GetByText(new Regex(@"gRPC bansos\.[a-z]+\.v1\.[A-Za-z]+/[A-Za-z]+\. Roles at the gateway: [a-z, ]+\.")).First.WaitForAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (gateway is not null)
        {
            await gateway.StopAsync(CancellationToken.None);
            await gateway.DisposeAsync();
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
