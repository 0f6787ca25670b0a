using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bansos.Complaint.Tests.Support;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Complaint.Tests.Functional;

/// <summary>The "done when": a complaint filed for a pilot village through REST shows up in that village's statistics.</summary>
public sealed class StatisticsTests
{
    [Fact]
    public async Task A_complaint_filed_through_REST_shows_in_its_villages_statistics()
    {
        await using var host = await ComplaintHost.StartAsync(DbDialect.Sqlite);
        using var rest = host.Rest(Tokens.Operator(Pilot.AirMuring));
        using var filed = await rest.PostAsJsonAsync("/api/v1/complaint/complaints", new
        {
            villageCode = Pilot.AirMuring,
            category = "COMPLAINT_CATEGORY_UNFAIR_AGENT_CHARGE",
            description = "Agen meminta biaya Rp10.000.",
            channel = "COMPLAINT_CHANNEL_POSKO",
            reporterName = "Budi",
        });
        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);

        var today = Bansos.Complaint.Domain.Wib.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var stats = await rest.GetFromJsonAsync<JsonElement>($"/api/v1/complaint/statistics?filedFrom={today}&filedTo={today}&villageCode={Pilot.AirMuring}");

        var row = Assert.Single(stats.GetProperty("rows").EnumerateArray());
        Assert.Equal(Pilot.AirMuring, row.GetProperty("villageCode").GetString());
        Assert.Equal("COMPLAINT_CATEGORY_UNFAIR_AGENT_CHARGE", row.GetProperty("category").GetString());
        Assert.Equal(1, row.GetProperty("received").GetInt64());
        Assert.Equal(1, row.GetProperty("open").GetInt64());
    }

    [Fact]
    public async Task Statistics_need_a_date_range()
    {
        await using var host = await ComplaintHost.StartAsync(DbDialect.Sqlite);
        using var response = await host.Rest(Tokens.Admin()).GetAsync("/api/v1/complaint/statistics?filedFrom=2026-03-01");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("filed_to", out _));
    }
}
