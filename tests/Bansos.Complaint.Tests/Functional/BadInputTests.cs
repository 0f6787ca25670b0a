using Bansos.Complaint.Tests.Support;
using Bansos.Protos.Complaint.V1;
using Bansos.ServiceDefaults.Storage;
using Grpc.Core;

namespace Bansos.Complaint.Tests.Functional;

/// <summary>Each bad input of the issue: a clear error naming the field, and nothing written (a host of its own, so totals can be compared).</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private ComplaintHost host = null!;

    public async ValueTask InitializeAsync() => host = await ComplaintHost.StartAsync(DbDialect.Sqlite);

    public ValueTask DisposeAsync() => host.DisposeAsync();

    public static TheoryData<string, string> Filings => new()
    {
        { "empty description", "description" },
        { "1 MB description", "description" },
        { "unknown village", "village_code" },
        { "unknown category", "category" },
        { "unknown household", "household_id" },
        { "invalid NIK", "nik" },
    };

    [Theory]
    [MemberData(nameof(Filings))]
    public async Task A_bad_filing_names_its_field_and_writes_nothing(string bad, string field)
    {
        var request = Pilot.Request();
        switch (bad)
        {
            case "empty description": request.Description = ""; break;
            case "1 MB description": request.Description = new string('a', 1024 * 1024); break;
            case "unknown village": request.VillageCode = "17.03.12.9999"; break;
            case "unknown category": request.Category = (ComplaintCategory)99; break;
            case "unknown household": request.HouseholdId = Guid.NewGuid().ToString(); break;
            case "invalid NIK": request.Nik = "1703129901900001"; break;
            default: throw new ArgumentOutOfRangeException(nameof(bad), bad, null);
        }

        var before = await TotalsAsync();
        var error = await Errors.RpcAsync(StatusCode.InvalidArgument, () => host.Client(Tokens.Admin()).FileComplaintAsync(request).ResponseAsync);

        Assert.Contains(field, Errors.Fields(error));
        Assert.DoesNotContain(Pilot.ValidNik, error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await TotalsAsync());
    }

    [Fact]
    public async Task A_note_on_another_villages_ticket_by_an_operator_is_refused_and_not_written()
    {
        var id = (await host.Client(Tokens.Operator(Pilot.GiriKencana)).FileComplaintAsync(Pilot.Request(Pilot.GiriKencana))).ComplaintId;
        var before = await TotalsAsync();

        await Errors.RpcAsync(StatusCode.PermissionDenied,
            () => host.Client(Tokens.Operator(Pilot.Urai)).AddNoteAsync(new() { ComplaintId = id, Text = "Catatan." }).ResponseAsync);

        Assert.Equal(before, await TotalsAsync());
    }

    [Fact]
    public async Task Rejected_to_in_progress_is_refused_and_not_written()
    {
        var staff = host.Client(Tokens.Operator(Pilot.Urai));
        var id = (await staff.FileComplaintAsync(Pilot.Request())).ComplaintId;
        await staff.StartWorkAsync(new() { ComplaintId = id });
        await staff.RejectComplaintAsync(new() { ComplaintId = id, Resolution = "Bukan wewenang posko." });
        var before = await TotalsAsync();

        await Errors.RpcAsync(StatusCode.FailedPrecondition, () => staff.ReopenComplaintAsync(new() { ComplaintId = id }).ResponseAsync);
        await Errors.RpcAsync(StatusCode.FailedPrecondition, () => staff.StartWorkAsync(new() { ComplaintId = id }).ResponseAsync);

        Assert.Equal(before, await TotalsAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_resolution_without_text_is_refused_and_not_written(string text)
    {
        var staff = host.Client(Tokens.Operator(Pilot.Urai));
        var id = (await staff.FileComplaintAsync(Pilot.Request())).ComplaintId;
        await staff.StartWorkAsync(new() { ComplaintId = id });
        var before = await TotalsAsync();

        var resolve = await Errors.RpcAsync(StatusCode.InvalidArgument,
            () => staff.ResolveComplaintAsync(new() { ComplaintId = id, Resolution = text }).ResponseAsync);
        var reject = await Errors.RpcAsync(StatusCode.InvalidArgument,
            () => staff.RejectComplaintAsync(new() { ComplaintId = id, Resolution = text }).ResponseAsync);

        Assert.Equal(["resolution"], Errors.Fields(resolve));
        Assert.Equal(["resolution"], Errors.Fields(reject));
        Assert.Equal(before, await TotalsAsync());
        Assert.Equal(ComplaintStatus.InProgress, (await staff.GetComplaintAsync(new() { ComplaintId = id })).Status);
    }

    [Fact]
    public async Task An_auditor_cannot_file_or_change()
    {
        var id = (await host.Client(Tokens.Admin()).FileComplaintAsync(Pilot.Request())).ComplaintId;
        var before = await TotalsAsync();
        var auditor = host.Client(Tokens.Auditor());

        await Errors.RpcAsync(StatusCode.PermissionDenied, () => auditor.FileComplaintAsync(Pilot.Request()).ResponseAsync);
        await Errors.RpcAsync(StatusCode.PermissionDenied, () => auditor.AddNoteAsync(new() { ComplaintId = id, Text = "x" }).ResponseAsync);

        Assert.Equal(before, await TotalsAsync());
    }

    /// <summary>Every table a filing or change writes: tickets, numbers, history, audit, outbox.</summary>
    private async Task<(long, long, long, long, long, long)> TotalsAsync() => (
        await host.CountAsync("SELECT COUNT(*) FROM complaints"),
        await host.CountAsync("SELECT COALESCE(SUM(last_sequence), 0) FROM complaint_numbers"),
        await host.CountAsync("SELECT COUNT(*) FROM complaint_history"),
        await host.CountAsync("SELECT COALESCE(SUM(version), 0) FROM complaints"),
        await host.CountAsync("SELECT COUNT(*) FROM audit_log"),
        await host.CountAsync("SELECT COUNT(*) FROM outbox_messages"));
}
