using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bansos.Protos.Registry.V1;
using Bansos.Registry.Tests.Support;
using Bansos.ServiceDefaults.Audit;
using Grpc.Core;

namespace Bansos.Registry.Tests.Functional;

/// <summary>
/// Status changes by an admin: suspend, reactivate, remove with a reason, reinstate; refused changes
/// change nothing. Each change is kept as household history, audited (who, before, after) and written
/// to the outbox. Each test works on its own pilot household.
/// </summary>
[Collection(RegistryHostCollection.Name)]
public sealed class HouseholdStatusTests(PilotRegistry registry) : IClassFixture<PilotRegistry>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HouseholdService.HouseholdServiceClient Admin => registry.AsAdmin.Households;

    [Fact]
    public async Task Suspend_then_reactivate_keeps_history_audit_and_events()
    {
        var id = await HouseholdAsync(10);
        var events = await registry.OutboxCountAsync("HouseholdStatusChanged");

        var suspended = await Admin.ChangeHouseholdStatusAsync(new ChangeHouseholdStatusRequest
        {
            HouseholdId = id, Status = HouseholdStatus.Suspended, Note = "Verifikasi ulang oleh posko",
        }, cancellationToken: Ct);
        var found = await Admin.SearchHouseholdsAsync(new SearchHouseholdsRequest { Status = HouseholdStatus.Suspended, PageSize = 500 }, cancellationToken: Ct);
        var active = await Admin.ChangeHouseholdStatusAsync(new ChangeHouseholdStatusRequest
        {
            HouseholdId = id, Status = HouseholdStatus.Active, Note = "Data sudah benar",
        }, cancellationToken: Ct);

        Assert.Equal(HouseholdStatus.Suspended, suspended.Status);
        Assert.Equal("Verifikasi ulang oleh posko", suspended.StatusNote);
        Assert.Contains(found.Households, h => h.HouseholdId == id);
        Assert.Equal(HouseholdStatus.Active, active.Status);
        Assert.Equal(suspended.Version + 1, active.Version);
        var changes = active.History.Where(h => h.Action is "SUSPENDED" or "REACTIVATED").ToList();
        Assert.Equal(["SUSPENDED", "REACTIVATED"], changes.Select(h => h.Action));
        Assert.All(changes, h => Assert.Equal("admin-test", h.Actor));
        Assert.Contains("Verifikasi ulang oleh posko", changes[0].Detail, StringComparison.Ordinal);

        var audit = await registry.Service<IAuditTrail>().ListAsync("household", id, Ct);
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal(("admin-test", "CHANGE_HOUSEHOLD_STATUS"), (a.Actor, a.Action)));
        Assert.Equal("ACTIVE", Json(audit[0].BeforeJson).GetProperty("status").GetString());
        Assert.Equal("SUSPENDED", Json(audit[0].AfterJson).GetProperty("status").GetString());
        Assert.Equal("ACTIVE", Json(audit[1].AfterJson).GetProperty("status").GetString());
        Assert.Null(await registry.Service<IAuditTrail>().VerifyChainAsync(Ct));
        Assert.Equal(events + 2, await registry.OutboxCountAsync("HouseholdStatusChanged"));
    }

    [Fact]
    public async Task Auditors_get_the_status_note_masked_like_history()
    {
        var id = await HouseholdAsync(17);
        await Admin.ChangeHouseholdStatusAsync(new ChangeHouseholdStatusRequest
        {
            HouseholdId = id, Status = HouseholdStatus.Suspended, Note = "Pak Abu Bakar pindah ke Jl. Melati 4",
        }, cancellationToken: Ct);

        var full = await Admin.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = id }, cancellationToken: Ct);
        var masked = await registry.AsAuditor.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = id }, cancellationToken: Ct);

        Assert.Equal("Pak Abu Bakar pindah ke Jl. Melati 4", full.StatusNote);
        Assert.Equal("***", masked.StatusNote);
        Assert.Equal(HouseholdStatus.Suspended, masked.Status);
    }

    [Fact]
    public async Task Remove_with_a_reason_over_REST()
    {
        var id = await HouseholdAsync(11);
        using var http = registry.Rest(registry.AdminToken);

        var response = await http.PostAsJsonAsync($"/api/v1/registry/households/{id}/status",
            new { status = "HOUSEHOLD_STATUS_REMOVED", removalReason = "REMOVAL_REASON_DECEASED", note = "Kepala keluarga meninggal" }, Ct);
        var household = await Errors.ProtoAsync<Household>(response);

        Assert.Equal(HouseholdStatus.Removed, household.Status);
        Assert.Equal(RemovalReason.Deceased, household.RemovalReason);
        Assert.Equal("REMOVED", household.History[^1].Action);
        var audit = await registry.Service<IAuditTrail>().ListAsync("household", id, Ct);
        var entry = Assert.Single(audit);
        Assert.Equal("DECEASED", Json(entry.AfterJson).GetProperty("removalReason").GetString());
        var removed = await Admin.SearchHouseholdsAsync(new SearchHouseholdsRequest { Status = HouseholdStatus.Removed, PageSize = 500 }, cancellationToken: Ct);
        Assert.Contains(removed.Households, h => h.HouseholdId == id);
    }

    [Fact]
    public async Task Removal_without_a_reason_is_InvalidArgument_and_changes_nothing()
    {
        var id = await HouseholdAsync(12);
        var before = await SnapshotAsync(id);

        var error = await Errors.FailsAsync(StatusCode.InvalidArgument, () => Admin.ChangeHouseholdStatusAsync(
            new ChangeHouseholdStatusRequest { HouseholdId = id, Status = HouseholdStatus.Removed }, cancellationToken: Ct).ResponseAsync);
        using var http = registry.Rest(registry.AdminToken);
        var body = await Errors.RestFailsAsync(HttpStatusCode.BadRequest, await http.PostAsJsonAsync(
            $"/api/v1/registry/households/{id}/status", new { status = "HOUSEHOLD_STATUS_REMOVED" }, Ct));

        Errors.Violation(error, "removal_reason");
        Errors.RestViolation(body, "removal_reason");
        Assert.Equal(before, await SnapshotAsync(id));
    }

    [Fact]
    public async Task A_missing_status_is_InvalidArgument()
    {
        var id = await HouseholdAsync(13);
        var before = await SnapshotAsync(id);

        var error = await Errors.FailsAsync(StatusCode.InvalidArgument, () => Admin.ChangeHouseholdStatusAsync(
            new ChangeHouseholdStatusRequest { HouseholdId = id }, cancellationToken: Ct).ResponseAsync);

        Errors.Violation(error, "status");
        Assert.Equal(before, await SnapshotAsync(id));
    }

    [Fact]
    public async Task A_forbidden_transition_is_FailedPrecondition_and_changes_nothing()
    {
        var id = await HouseholdAsync(14);
        await Admin.ChangeHouseholdStatusAsync(new ChangeHouseholdStatusRequest
        {
            HouseholdId = id, Status = HouseholdStatus.Removed, RemovalReason = RemovalReason.Moved, Note = "Pindah ke Jawa",
        }, cancellationToken: Ct);
        var before = await SnapshotAsync(id);

        // REMOVED → SUSPENDED is not a transition; a REMOVED household can only be reinstated.
        var error = await Errors.FailsAsync(StatusCode.FailedPrecondition, () => Admin.ChangeHouseholdStatusAsync(
            new ChangeHouseholdStatusRequest { HouseholdId = id, Status = HouseholdStatus.Suspended }, cancellationToken: Ct).ResponseAsync);
        // Removing again for another reason is refused too.
        await Errors.FailsAsync(StatusCode.FailedPrecondition, () => Admin.ChangeHouseholdStatusAsync(
            new ChangeHouseholdStatusRequest { HouseholdId = id, Status = HouseholdStatus.Removed, RemovalReason = RemovalReason.Duplicate }, cancellationToken: Ct).ResponseAsync);
        using var http = registry.Rest(registry.AdminToken);
        var rest = await http.PostAsJsonAsync($"/api/v1/registry/households/{id}/status", new { status = "HOUSEHOLD_STATUS_SUSPENDED" }, Ct);

        Assert.Contains("REMOVED", Errors.Violation(error, "status"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, rest.StatusCode); // JSON transcoding maps FailedPrecondition to 400
        Errors.RestViolation(await Errors.JsonAsync(rest), "status");
        Assert.Equal(before, await SnapshotAsync(id));
    }

    [Fact]
    public async Task A_removed_household_is_reinstated_only_with_a_note()
    {
        var id = await HouseholdAsync(15);
        await Admin.ChangeHouseholdStatusAsync(new ChangeHouseholdStatusRequest
        {
            HouseholdId = id, Status = HouseholdStatus.Removed, RemovalReason = RemovalReason.Ineligible,
        }, cancellationToken: Ct);

        var error = await Errors.FailsAsync(StatusCode.InvalidArgument, () => Admin.ChangeHouseholdStatusAsync(
            new ChangeHouseholdStatusRequest { HouseholdId = id, Status = HouseholdStatus.Active }, cancellationToken: Ct).ResponseAsync);
        var reinstated = await Admin.ChangeHouseholdStatusAsync(new ChangeHouseholdStatusRequest
        {
            HouseholdId = id, Status = HouseholdStatus.Active, Note = "Salah hapus, data desil diperbaiki",
        }, cancellationToken: Ct);

        Errors.Violation(error, "catatan");
        Assert.Equal(HouseholdStatus.Active, reinstated.Status);
        Assert.Equal(RemovalReason.Unspecified, reinstated.RemovalReason);
        Assert.Equal(["REMOVED", "REINSTATED"], reinstated.History.Where(h => h.Action is "REMOVED" or "REINSTATED").Select(h => h.Action));
    }

    [Fact]
    public async Task Repeating_a_status_changes_nothing()
    {
        var id = await HouseholdAsync(16);
        var first = await Admin.ChangeHouseholdStatusAsync(new ChangeHouseholdStatusRequest { HouseholdId = id, Status = HouseholdStatus.Suspended }, cancellationToken: Ct);
        var before = await SnapshotAsync(id);

        var again = await Admin.ChangeHouseholdStatusAsync(new ChangeHouseholdStatusRequest { HouseholdId = id, Status = HouseholdStatus.Suspended }, cancellationToken: Ct);

        Assert.Equal(first.Version, again.Version);
        Assert.Equal(before, await SnapshotAsync(id));
    }

    [Fact]
    public async Task An_unknown_household_is_NotFound()
    {
        await Errors.FailsAsync(StatusCode.NotFound, () => Admin.ChangeHouseholdStatusAsync(
            new ChangeHouseholdStatusRequest { HouseholdId = Guid.NewGuid().ToString(), Status = HouseholdStatus.Suspended }, cancellationToken: Ct).ResponseAsync);
    }

    private async Task<string> HouseholdAsync(int index) => (await registry.HouseholdIdAsync(PilotRow.Heads[index].Kk)).ToString();

    /// <summary>The household's own rows: status, version, history and audit entries.</summary>
    private async Task<(string, long, long, long)> SnapshotAsync(string id)
    {
        var household = Guid.Parse(id);
        var row = (await registry.QueryAsync<(string Status, long Version)>("SELECT status, version FROM households WHERE id = @household", new { household })).Single();
        return (row.Status, row.Version,
            await registry.ScalarAsync("SELECT COUNT(*) FROM household_history WHERE household_id = @household", new { household }),
            await registry.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'household' AND entity_id = @id", new { id }));
    }

    private static JsonElement Json(string? text)
    {
        Assert.NotNull(text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
