using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bansos.Complaint.Tests.Support;
using Bansos.Protos.Complaint.V1;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Grpc.Core;

namespace Bansos.Complaint.Tests.Functional;

/// <summary>The workflow through the real host: every transition, every refused one with the current status, over gRPC and REST.</summary>
public sealed class WorkflowApiTests(Hosts hosts)
{
    [Theory]
    [EveryDialect]
    public async Task A_ticket_goes_through_every_allowed_transition_with_its_history(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var staff = host.Client(Tokens.Operator(Pilot.Urai));

        var filed = await staff.FileComplaintAsync(Pilot.Request());
        Assert.Matches(@"^ADU-\d{4}-\d{6}$", filed.Number);
        Assert.Equal((ComplaintStatus.Received, Pilot.Ketahun, SlaState.OnTime), (filed.Status, filed.DistrictCode, filed.SlaState));
        Assert.True(filed.DueAt.ToDateTimeOffset() > filed.FiledAt.ToDateTimeOffset().AddDays(3));

        var started = await staff.StartWorkAsync(new StartWorkRequest { ComplaintId = filed.ComplaintId });
        Assert.Equal(ComplaintStatus.InProgress, started.Status);
        var resolved = await staff.ResolveComplaintAsync(new ResolveComplaintRequest { ComplaintId = filed.ComplaintId, Resolution = "Selisih dibayar." });
        Assert.Equal((ComplaintStatus.Resolved, "Selisih dibayar.", SlaState.Met), (resolved.Status, resolved.Resolution, resolved.SlaState));
        var reopened = await staff.ReopenComplaintAsync(new ReopenComplaintRequest { ComplaintId = filed.ComplaintId, Reason = "Masih kurang." });
        Assert.Equal(ComplaintStatus.InProgress, reopened.Status);
        var rejected = await staff.RejectComplaintAsync(new RejectComplaintRequest { ComplaintId = filed.ComplaintId, Resolution = "Bukan KPM." });
        Assert.Equal(ComplaintStatus.Rejected, rejected.Status);

        var ticket = await host.Client(Tokens.Admin()).GetComplaintAsync(new GetComplaintRequest { ComplaintId = filed.ComplaintId });
        Assert.Equal(
        [
            ("FILED", ComplaintStatus.Unspecified, ComplaintStatus.Received),
            ("STATUS", ComplaintStatus.Received, ComplaintStatus.InProgress),
            ("STATUS", ComplaintStatus.InProgress, ComplaintStatus.Resolved),
            ("STATUS", ComplaintStatus.Resolved, ComplaintStatus.InProgress),
            ("STATUS", ComplaintStatus.InProgress, ComplaintStatus.Rejected),
        ], ticket.History.Select(h => (h.Action, h.FromStatus, h.ToStatus)));
        Assert.All(ticket.History, h => Assert.Equal("operator-" + Pilot.Urai, h.Actor));
        Assert.Equal(5, ticket.Version);
    }

    [Theory]
    [EveryDialect]
    public async Task Refused_transitions_answer_failed_precondition_with_the_current_status(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var staff = host.Client(Tokens.Operator(Pilot.Urai));
        var id = (await staff.FileComplaintAsync(Pilot.Request())).ComplaintId;

        // RECEIVED: only Start.
        await Refused(StatusOf(ComplaintStatus.Received), () => staff.ResolveComplaintAsync(new() { ComplaintId = id, Resolution = "x" }).ResponseAsync);
        await Refused(StatusOf(ComplaintStatus.Received), () => staff.RejectComplaintAsync(new() { ComplaintId = id, Resolution = "x" }).ResponseAsync);
        await Refused(StatusOf(ComplaintStatus.Received), () => staff.ReopenComplaintAsync(new() { ComplaintId = id }).ResponseAsync);
        await staff.StartWorkAsync(new() { ComplaintId = id });
        // IN_PROGRESS: not Start, not Reopen.
        await Refused(StatusOf(ComplaintStatus.InProgress), () => staff.StartWorkAsync(new() { ComplaintId = id }).ResponseAsync);
        await Refused(StatusOf(ComplaintStatus.InProgress), () => staff.ReopenComplaintAsync(new() { ComplaintId = id }).ResponseAsync);
        await staff.RejectComplaintAsync(new() { ComplaintId = id, Resolution = "Duplikat." });
        // REJECTED: nothing, REJECTED → IN_PROGRESS included.
        await Refused(StatusOf(ComplaintStatus.Rejected), () => staff.StartWorkAsync(new() { ComplaintId = id }).ResponseAsync);
        await Refused(StatusOf(ComplaintStatus.Rejected), () => staff.ReopenComplaintAsync(new() { ComplaintId = id }).ResponseAsync);
        await Refused(StatusOf(ComplaintStatus.Rejected), () => staff.ResolveComplaintAsync(new() { ComplaintId = id, Resolution = "x" }).ResponseAsync);

        var after = await staff.GetComplaintAsync(new() { ComplaintId = id });
        Assert.Equal((ComplaintStatus.Rejected, 3L, 3), (after.Status, after.Version, after.History.Count));
    }

    [Fact]
    public async Task A_resolved_ticket_can_no_longer_be_resolved_or_started()
    {
        var host = await hosts.GetAsync(DbDialect.Sqlite);
        var staff = host.Client(Tokens.Operator(Pilot.Urai));
        var id = (await staff.FileComplaintAsync(Pilot.Request())).ComplaintId;
        await staff.StartWorkAsync(new() { ComplaintId = id });
        await staff.ResolveComplaintAsync(new() { ComplaintId = id, Resolution = "Selesai." });
        await Refused("RESOLVED", () => staff.ResolveComplaintAsync(new() { ComplaintId = id, Resolution = "x" }).ResponseAsync);
        await Refused("RESOLVED", () => staff.RejectComplaintAsync(new() { ComplaintId = id, Resolution = "x" }).ResponseAsync);
        await Refused("RESOLVED", () => staff.StartWorkAsync(new() { ComplaintId = id }).ResponseAsync);
    }

    [Fact]
    public async Task Over_REST_a_refused_transition_is_409_problem_details_with_the_current_status()
    {
        var host = await hosts.GetAsync(DbDialect.Sqlite);
        using var rest = host.Rest(Tokens.Operator(Pilot.Urai));
        using var filed = await rest.PostAsJsonAsync("/api/v1/complaint/complaints", new
        {
            villageCode = Pilot.Urai,
            category = "COMPLAINT_CATEGORY_WRONG_AMOUNT",
            description = "Bantuan kurang.",
            channel = "COMPLAINT_CHANNEL_POSKO",
            reporterName = "Siti Aminah",
            reporterPhone = "081234567890",
        });
        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        var id = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("complaintId").GetString();

        using var refused = await rest.PostAsJsonAsync($"/api/v1/complaint/complaints/{id}/resolve", new { resolution = "Selesai." });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.Equal("RECEIVED", problem.GetProperty("currentStatus").GetString());
        Assert.Contains("RECEIVED", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_REST_bad_input_is_400_problem_details_naming_the_field()
    {
        var host = await hosts.GetAsync(DbDialect.Sqlite);
        using var rest = host.Rest(Tokens.Operator(Pilot.Urai));
        using var response = await rest.PostAsJsonAsync("/api/v1/complaint/complaints", new
        {
            villageCode = Pilot.Urai,
            category = "COMPLAINT_CATEGORY_OTHER",
            description = "",
            channel = "COMPLAINT_CHANNEL_WEB",
            reporterName = "Siti",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("description", out _));
    }

    [Fact]
    public async Task Assignment_and_notes_are_kept_with_who_and_when()
    {
        var host = await hosts.GetAsync(DbDialect.Sqlite);
        var staff = host.Client(Tokens.Operator(Pilot.Urai));
        var id = (await staff.FileComplaintAsync(Pilot.Request())).ComplaintId;

        var assigned = await staff.AssignComplaintAsync(new() { ComplaintId = id, Assignee = "petugas-urai" });
        var noted = await staff.AddNoteAsync(new() { ComplaintId = id, Text = "Sudah ditelepon." });

        Assert.Equal("petugas-urai", assigned.Assignee);
        var list = await host.Client(Tokens.Admin()).ListComplaintsAsync(new() { Assignee = "petugas-urai" });
        Assert.Contains(list.Complaints, c => c.ComplaintId == id);
        Assert.Equal(["FILED", "ASSIGNED", "NOTE"], noted.History.Select(h => h.Action));
        Assert.Equal(("petugas-urai", "Sudah ditelepon."), (noted.History[1].Text, noted.History[2].Text));
        Assert.True(noted.History[2].At.ToDateTimeOffset() >= noted.History[0].At.ToDateTimeOffset());
    }

    private static string StatusOf(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Received => "RECEIVED",
        ComplaintStatus.InProgress => "IN_PROGRESS",
        ComplaintStatus.Rejected => "REJECTED",
        _ => "RESOLVED",
    };

    private static async Task Refused(string current, Func<Task> call)
    {
        var error = await Errors.RpcAsync(StatusCode.FailedPrecondition, call);
        Assert.Equal(current, Errors.Violation(error, "status"));
    }
}
