using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bansos.Gateway.Tests.Support;
using Bansos.Protos.Complaint.V1;
using Grpc.Core;

namespace Bansos.Gateway.Tests;

/// <summary>The complaint service behind the real gateway: posko staff over REST, agents over gRPC with their certificate.</summary>
public sealed class ComplaintTests(ComplaintGatewayStack stack) : IClassFixture<ComplaintGatewayStack>
{
    private const string OtherVillage = "17.03.12.2001"; // Urai, not the terminals' point village

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The "done when": a complaint filed for a pilot village through REST shows up in that village's statistics.</summary>
    [Fact]
    public async Task A_complaint_filed_through_the_gateway_REST_facade_shows_in_its_villages_statistics()
    {
        var operatorToken = await stack.UserTokenAsync("posko-giri", "operator", Csv.Village);
        using var rest = stack.Https(operatorToken);

        using var filed = await rest.PostAsJsonAsync("/api/v1/complaint/complaints", new
        {
            villageCode = Csv.Village,
            category = "COMPLAINT_CATEGORY_CARD_LOST_OR_BROKEN",
            description = "Kartu hilang di pasar.",
            channel = "COMPLAINT_CHANNEL_POSKO",
            reporterName = "Budi",
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        var number = JsonDocument.Parse(await filed.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("number").GetString();

        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var stats = await rest.GetFromJsonAsync<JsonElement>($"/api/v1/complaint/statistics?filedFrom={today}&filedTo={today}&villageCode={Csv.Village}", Ct);
        var row = Assert.Single(stats.GetProperty("rows").EnumerateArray(), r => r.GetProperty("category").GetString() == "COMPLAINT_CATEGORY_CARD_LOST_OR_BROKEN");

        Assert.StartsWith("ADU-", number, StringComparison.Ordinal);
        Assert.Equal(Csv.Village, row.GetProperty("villageCode").GetString());
        Assert.Equal((1L, 1L), (Long(row, "received"), Long(row, "open")));
    }

    [Fact]
    public async Task An_agent_files_for_its_points_village_and_is_refused_for_another()
    {
        var (terminalId, certificate) = await Agent.EnrolAsync(stack, "Kasir pengaduan");
        var agent = new ComplaintService.ComplaintServiceClient(stack.Grpc(clientCertificate: certificate));
        var marker = "Pelapor agen " + terminalId.ToString(CultureInfo.InvariantCulture);

        var filed = await agent.FileComplaintAsync(Request(Csv.Village, marker), cancellationToken: Ct);
        var refused = await Assert.ThrowsAsync<RpcException>(() => agent.FileComplaintAsync(Request(OtherVillage, marker), cancellationToken: Ct).ResponseAsync);

        Assert.Equal((Csv.Village, $"terminal-{terminalId}"), (filed.VillageCode, filed.FiledBy));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        var admin = new ComplaintService.ComplaintServiceClient(stack.Grpc(await stack.AdminTokenAsync()));
        var inOther = await admin.ListComplaintsAsync(new() { VillageCode = OtherVillage, PageSize = 200 }, cancellationToken: Ct);
        Assert.DoesNotContain(inOther.Complaints, c => c.ReporterName == marker);
    }

    private static FileComplaintRequest Request(string village, string reporter) => new()
    {
        VillageCode = village,
        Category = ComplaintCategory.PinForgottenOrBlocked,
        Description = "PIN terblokir setelah tiga kali salah.",
        Channel = ComplaintChannel.Agent,
        ReporterName = reporter,
    };

    /// <summary>An int64 from proto3 JSON (a string) or a number.</summary>
    private static long Long(JsonElement row, string name) => Agent.Id(row.GetProperty(name));
}
