using System.Text.Json;
using Bansos.Agent.Tests.Support;
using Bansos.Protos.Complaint.V1;

namespace Bansos.Agent.Tests.Stack;

/// <summary><c>bansos-agent complaint --json</c> against the real complaint service on a loopback port (h2c with a terminal token).</summary>
public sealed class ComplaintOverServiceTests : IAsyncLifetime
{
    private readonly TempFolder folder = new();
    private LoopbackComplaint service = null!;

    public async ValueTask InitializeAsync() => service = await LoopbackComplaint.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (service is not null) await service.DisposeAsync();
        folder.Dispose();
    }

    private Task<AgentRun.Result> FileAsync(object form, params string[] more) =>
        AgentRun.RunAsync(LoopbackComplaint.TerminalToken, JsonSerializer.Serialize(form), null,
            ["complaint", "--json", "--data", folder.Path, "--gateway", service.Address.ToString(), .. more]);

    [Fact(Timeout = 60_000)]
    public async Task A_walk_in_complaint_is_filed_and_found_in_the_service()
    {
        var result = await FileAsync(new { category = "not-registered", description = "Tidak ada di daftar penerima", name = "Budi Santoso", phone = "081234567890", nik = "1703120508800002" },
            "--village", "17.03.12.2003");

        Assert.Equal(0, result.ExitCode);
        var number = result.Json.GetProperty("number").GetString()!;
        Assert.Matches(@"^ADU-\d{4}-\d{6}$", number);
        var ticket = await service.Admin.GetComplaintAsync(new GetComplaintRequest { ComplaintId = result.Json.GetProperty("complaintId").GetString() },
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(number, ticket.Number);
        Assert.Equal(ComplaintChannel.Agent, ticket.Channel);
        Assert.Equal(ComplaintCategory.NotRegistered, ticket.Category);
        Assert.Equal("17.03.12.2003", ticket.VillageCode);
        Assert.Equal("1703120508800002", ticket.Nik);
        Assert.Equal("Budi Santoso", ticket.ReporterName);
        Assert.Equal(ComplaintStatus.Received, ticket.Status);
        // NotRegistered: 14 days (docs/complaint.md), shown as the last day's 23:59 WIB.
        Assert.Equal(Bansos.Agent.Cli.ComplaintCommand.DueText(ticket.DueAt.ToDateTimeOffset()), result.Json.GetProperty("due").GetString());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_village_or_district_the_service_does_not_know_is_told_in_plain_words_and_nothing_is_filed()
    {
        var result = await FileAsync(new { category = "other", description = "Keluhan", name = "Budi", nik = "9999990508800002" }, "--village", "99.99.99.9999");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("ComplaintVillageInvalid", result.Json.GetProperty("messageId").GetString());
        Assert.Equal("ComplaintNikInvalid", result.Json.GetProperty("notices")[0].GetProperty("id").GetString());
        var list = await service.Admin.ListComplaintsAsync(new ListComplaintsRequest(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Empty(list.Complaints);
    }
}
