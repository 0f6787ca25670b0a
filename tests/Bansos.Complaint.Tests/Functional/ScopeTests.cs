using Bansos.Complaint.Tests.Support;
using Bansos.Protos.Complaint.V1;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Grpc.Core;

namespace Bansos.Complaint.Tests.Functional;

/// <summary>Operators reach the villages of their token's <c>village</c> claims; admins all; auditors all, read-only and masked.</summary>
public sealed class ScopeTests(Hosts hosts)
{
    [Theory]
    [EveryDialect]
    public async Task An_operator_sees_and_changes_only_the_tickets_of_their_villages(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var urai = host.Client(Tokens.Operator(Pilot.Urai));
        var giri = host.Client(Tokens.Operator(Pilot.GiriKencana));
        var marker = "Pelapor " + Guid.NewGuid().ToString("N")[..8];
        var inUrai = await urai.FileComplaintAsync(Pilot.Request(Pilot.Urai, marker));
        var inGiri = await giri.FileComplaintAsync(Pilot.Request(Pilot.GiriKencana, marker));

        await Errors.RpcAsync(StatusCode.PermissionDenied, () => urai.FileComplaintAsync(Pilot.Request(Pilot.GiriKencana)).ResponseAsync);
        await Errors.RpcAsync(StatusCode.PermissionDenied, () => urai.GetComplaintAsync(new() { ComplaintId = inGiri.ComplaintId }).ResponseAsync);
        await Errors.RpcAsync(StatusCode.PermissionDenied, () => urai.StartWorkAsync(new() { ComplaintId = inGiri.ComplaintId }).ResponseAsync);
        await Errors.RpcAsync(StatusCode.PermissionDenied,
            () => urai.AssignComplaintAsync(new() { ComplaintId = inGiri.ComplaintId, Assignee = "x" }).ResponseAsync);

        var uraiSees = await urai.ListComplaintsAsync(new() { DistrictCode = Pilot.Ketahun, PageSize = 200 });
        Assert.Contains(uraiSees.Complaints, c => c.ComplaintId == inUrai.ComplaintId);
        Assert.All(uraiSees.Complaints, c => Assert.Equal(Pilot.Urai, c.VillageCode));

        var adminSees = await host.Client(Tokens.Admin()).ListComplaintsAsync(new() { DistrictCode = Pilot.Ketahun, PageSize = 200 });
        Assert.Contains(adminSees.Complaints, c => c.ComplaintId == inUrai.ComplaintId);
        Assert.Contains(adminSees.Complaints, c => c.ComplaintId == inGiri.ComplaintId);
        Assert.Equal(ComplaintStatus.InProgress, (await host.Client(Tokens.Admin()).StartWorkAsync(new() { ComplaintId = inGiri.ComplaintId })).Status);
    }

    [Fact]
    public async Task An_operator_without_village_claims_sees_nothing()
    {
        var host = await hosts.GetAsync(DbDialect.Sqlite);
        await host.Client(Tokens.Admin()).FileComplaintAsync(Pilot.Request());
        var none = host.Client(Tokens.Operator());
        Assert.Empty((await none.ListComplaintsAsync(new())).Complaints);
        await Errors.RpcAsync(StatusCode.PermissionDenied, () => none.FileComplaintAsync(Pilot.Request()).ResponseAsync);
    }

    [Theory]
    [EveryDialect]
    public async Task A_terminal_files_only_for_the_village_of_its_distribution_point(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var marker = "Pelapor " + Guid.NewGuid().ToString("N")[..8];
        var agent = host.Client(Tokens.Terminal(41, Pilot.Urai));
        var request = Pilot.Request(Pilot.Urai, marker);
        request.Channel = ComplaintChannel.Agent;

        var filed = await agent.FileComplaintAsync(request);
        request.VillageCode = Pilot.GiriKencana;
        var refused = await Errors.RpcAsync(StatusCode.PermissionDenied, () => agent.FileComplaintAsync(request).ResponseAsync);
        // A terminal token without the gateway's village claim files nowhere.
        await Errors.RpcAsync(StatusCode.PermissionDenied,
            () => host.Client(Tokens.Terminal(42)).FileComplaintAsync(Pilot.Request(Pilot.Urai, marker)).ResponseAsync);
        await Errors.RpcAsync(StatusCode.PermissionDenied, () => agent.GetComplaintAsync(new() { ComplaintId = filed.ComplaintId }).ResponseAsync);

        Assert.Equal((Pilot.Urai, ComplaintChannel.Agent, "terminal-41"), (filed.VillageCode, filed.Channel, filed.FiledBy));
        Assert.Contains("titik penyaluran", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM complaints WHERE reporter_name = @marker", new { marker }));
        Assert.Equal(1, await host.CountAsync(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'complaint.filed' AND actor IN ('terminal-41', 'terminal-42')"));
    }

    [Theory]
    [EveryDialect]
    public async Task An_auditor_reads_every_village_with_name_phone_and_NIK_masked_and_no_free_text(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var urai = host.Client(Tokens.Operator(Pilot.Urai));
        var filed = await urai.FileComplaintAsync(Pilot.Request(name: "Siti Aminah"));
        Assert.Equal(("Siti Aminah", "081234567890", Pilot.ValidNik), (filed.ReporterName, filed.ReporterPhone, filed.Nik));
        const string resolution = "Bu Siti Aminah (0812 3456 7890) sudah menerima di posko.";
        await urai.StartWorkAsync(new() { ComplaintId = filed.ComplaintId });
        var resolved = await urai.ResolveComplaintAsync(new() { ComplaintId = filed.ComplaintId, Resolution = resolution });
        Assert.Equal(resolution, resolved.Resolution); // operators see what was written

        var auditor = host.Client(Tokens.Auditor());
        var seen = await auditor.GetComplaintAsync(new() { ComplaintId = filed.ComplaintId });
        var listed = (await auditor.ListComplaintsAsync(new() { VillageCode = Pilot.Urai, PageSize = 200 })).Complaints
            .Single(c => c.ComplaintId == filed.ComplaintId);

        foreach (var view in new[] { seen, listed })
        {
            Assert.Equal(("S*** A*****", "*********890", "170312**********"), (view.ReporterName, view.ReporterPhone, view.Nik));
            Assert.Equal(("***", "***"), (view.Description, view.Resolution));
            Assert.Equal(ComplaintStatus.Resolved, view.Status);
        }

        Assert.Contains(seen.History, h => h.Text == "***");
        Assert.DoesNotContain(seen.History, h => h.Text.Contains("Siti", StringComparison.Ordinal));
    }
}
