using System.Text;
using Bansos.Protos.Registry.V1;
using Bansos.Registry.Domain.Pilot;
using Bansos.Registry.Tests.Support;
using Bansos.ServiceDefaults.Audit;
using Grpc.Core;

namespace Bansos.Registry.Tests.Import;

/// <summary>
/// Every import is recorded when it starts (who, file, SHA-256) and closed, and audited, with its counts as
/// COMMITTED, REJECTED, ABORTED or FAILED; each shows in ListImports and in the audit trail. On
/// SQLite an all-or-nothing import leaves the database to card commands while it runs.
/// </summary>
public sealed class ImportRecordTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Committed_and_rejected_imports_are_listed_with_their_counts_and_audited()
    {
        await using var registry = await RegistryFactory.StartAsync(RegistryHostOptions.Empty);
        var good = Encoding.UTF8.GetBytes(TestFamilies.Csv([TestFamilies.Create(1), TestFamilies.Create(2)]));
        var bad = Encoding.UTF8.GetBytes(TestFamilies.Csv([TestFamilies.Create(3)], "1703121502210000,x,y,KEPALA,L,1970-01-01,17.03.12.2003,a,1,2,3,SEMBAKO"));

        var committed = await Importer.GrpcAsync(registry.AsAdmin, good, fileName: "desa.csv");
        var rejected = await Importer.GrpcAsync(registry.AsAdmin, bad, allOrNothing: true, fileName: "rusak.csv");

        Assert.Equal(("COMMITTED", true), (committed.Result!.Status, committed.Result.Committed));
        Assert.Equal(("REJECTED", false), (rejected.Result!.Status, rejected.Result.Committed));
        var list = await registry.AsAuditor.Imports.ListImportsAsync(new ListImportsRequest(), cancellationToken: Ct);
        Assert.Equal([rejected.Result.ImportId, committed.Result.ImportId], list.Imports.Select(i => i.ImportId));
        var first = list.Imports[1];
        Assert.Equal(("desa.csv", "admin-test", "COMMITTED", 2, 6L), (first.FileName, first.Actor, first.Status, first.HouseholdsCreated, first.RowsRead));
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(good)), first.Sha256);
        Assert.NotNull(first.FinishedAt);
        Assert.Equal(("REJECTED", 0, true), (list.Imports[0].Status, list.Imports[0].HouseholdsCreated, list.Imports[0].AllOrNothing));

        foreach (var import in list.Imports)
        {
            var audit = await registry.Service<IAuditTrail>().ListAsync("import", import.ImportId, Ct);
            Assert.Contains(import.Status, Assert.Single(audit, a => a.Action == "IMPORT_HOUSEHOLDS").AfterJson, StringComparison.Ordinal);
        }

        using var http = registry.Rest(registry.AdminToken);
        var rest = await Errors.ProtoAsync<ListImportsResponse>(await http.GetAsync("/api/v1/registry/imports?pageSize=1", Ct));
        Assert.Equal(rejected.Result.ImportId, Assert.Single(rest.Imports).ImportId);
        await Errors.FailsAsync(StatusCode.PermissionDenied, () =>
            registry.AsOperator.Imports.ListImportsAsync(new ListImportsRequest(), cancellationToken: Ct).ResponseAsync);
    }

    [Fact]
    public async Task An_import_cancelled_after_some_commit_windows_is_listed_as_aborted_with_what_it_kept_and_audited()
    {
        await using var registry = await RegistryFactory.StartAsync(RegistryHostOptions.Empty with
        {
            Settings = new Dictionary<string, string?> { ["Bansos:Registry:ImportCommitInterval"] = "00:00:00.100" },
        });
        var file = SyntheticFile(60_000);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var import = Task.Run(() => ImportAsync(registry.AsAdmin, file, allOrNothing: false, cancel.Token), Ct);
        await WaitUntilAsync(async () => await registry.ScalarAsync("SELECT COUNT(*) FROM households") > 0 || import.IsCompleted);
        Assert.False(import.IsCompleted, "the import ended before it could be cancelled: make the file larger");

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => import);

        ImportSummary? aborted = null;
        await WaitUntilAsync(async () =>
        {
            var list = await registry.AsAdmin.Imports.ListImportsAsync(new ListImportsRequest(), cancellationToken: Ct);
            aborted = list.Imports.SingleOrDefault(i => i.Status != "RUNNING");
            return aborted is not null;
        });
        Assert.Equal("ABORTED", aborted!.Status);
        Assert.Equal(await registry.ScalarAsync("SELECT COUNT(*) FROM households"), aborted.HouseholdsCreated);
        Assert.True(aborted.HouseholdsCreated > 0);
        var audit = await registry.Service<IAuditTrail>().ListAsync("import", aborted.ImportId, Ct);
        Assert.Contains("ABORTED", Assert.Single(audit, a => a.Action == "IMPORT_HOUSEHOLDS").AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_running_when_the_service_stopped_is_aborted_at_the_next_start()
    {
        await using var database = await Bansos.Testing.TestDatabases.CreateAsync(Bansos.ServiceDefaults.Storage.DbDialect.Sqlite);
        var id = Guid.NewGuid();
        await using (var first = await RegistryFactory.StartAsync(RegistryHostOptions.Empty with { Database = database }))
        {
            // What a kill -9 in the middle of an import leaves.
            await first.ScalarAsync(
                """
                INSERT INTO imports (id, actor, file_name, sha256, all_or_nothing, status, committed, rows_read, rows_rejected,
                                     households_created, households_updated, households_unchanged, started_at)
                VALUES (@id, 'admin-test', 'besar.csv', 'AB', @no, 'RUNNING', @no, 0, 0, 0, 0, 0, @at)
                """,
                new { id, no = false, at = DateTimeOffset.UtcNow.AddMinutes(-5) });
        }

        await using var second = await RegistryFactory.StartAsync(RegistryHostOptions.Empty with { Database = database });
        ImportSummary? import = null;
        await WaitUntilAsync(async () =>
        {
            import = (await second.AsAdmin.Imports.ListImportsAsync(new ListImportsRequest(), cancellationToken: Ct)).Imports.Single();
            return import.Status != "RUNNING";
        });

        Assert.Equal(("ABORTED", "the service stopped during the import"), (import!.Status, import.Error));
        Assert.Contains(await second.Service<IAuditTrail>().ListAsync("import", id.ToString(), Ct), a => a.Action == "IMPORT_ABORTED");
    }

    [Fact]
    public async Task During_a_large_all_or_nothing_import_on_SQLite_a_card_can_be_reported_lost_and_the_import_commits_whole()
    {
        // Short windows, so that even on a fast machine the write pass spans several of them.
        await using var registry = await RegistryFactory.StartAsync(RegistryHostOptions.Empty with
        {
            Settings = new Dictionary<string, string?> { ["Bansos:Registry:ImportCommitInterval"] = "00:00:00.250" },
        });
        await Importer.GrpcAsync(registry.AsAdmin, Encoding.UTF8.GetBytes(TestFamilies.Csv([TestFamilies.Create(1)])));
        var householdId = (await registry.QueryAsync<Guid>("SELECT id FROM households")).Single();
        var card = await registry.AsAdmin.Cards.IssueCardAsync(new IssueCardRequest { HouseholdId = householdId.ToString() }, cancellationToken: Ct);
        var file = SyntheticFile(60_000);
        var households = CountHouseholds(file);

        var import = Task.Run(() => ImportAsync(registry.AsAdmin, file, allOrNothing: true, Ct), Ct);
        // Into the writing: its first commit windows are in (the check pass before writes nothing).
        await WaitUntilAsync(async () => await registry.ScalarAsync("SELECT COUNT(*) FROM households") > 1 || import.IsCompleted);
        var lost = await registry.AsOperator.Cards.ReportCardLostAsync(new CardActionRequest { CardNumber = card.CardNumber, Reason = "hilang" }, cancellationToken: Ct);
        // The import's record is closed in its last transaction: RUNNING means the card got in before that.
        var importStatus = (await registry.QueryAsync<string>("SELECT status FROM imports WHERE file_name = 'besar.csv'")).Single();
        var result = await import;

        Assert.True(importStatus == "RUNNING", $"the card command ran after the import ({importStatus}), not during it");
        Assert.Equal("LOST", lost.Status);
        Assert.Equal(("COMMITTED", households), (result.Status, result.HouseholdsCreated));
        Assert.Equal(households + 1, await registry.ScalarAsync("SELECT COUNT(*) FROM households"));
    }

    [Fact]
    public async Task A_large_all_or_nothing_import_with_one_bad_row_at_the_end_writes_nothing_and_leaves_card_commands_free()
    {
        await using var registry = await RegistryFactory.StartAsync(RegistryHostOptions.Empty);
        await Importer.GrpcAsync(registry.AsAdmin, Encoding.UTF8.GetBytes(TestFamilies.Csv([TestFamilies.Create(1)])));
        var householdId = (await registry.QueryAsync<Guid>("SELECT id FROM households")).Single();
        var card = await registry.AsAdmin.Cards.IssueCardAsync(new IssueCardRequest { HouseholdId = householdId.ToString() }, cancellationToken: Ct);
        var before = await registry.ScalarAsync("SELECT COUNT(*) FROM outbox_messages");
        var file = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(SyntheticFile(30_000)) + "1703121502210000,x,y,KEPALA,L,1970-01-01,17.03.12.2003,a,1,2,3,SEMBAKO\n");

        var import = Task.Run(() => ImportAsync(registry.AsAdmin, file, allOrNothing: true, Ct), Ct);
        await WaitUntilAsync(async () => await registry.ScalarAsync("SELECT COUNT(*) FROM imports WHERE status = 'RUNNING'") > 0 || import.IsCompleted);
        var blocked = await registry.AsOperator.Cards.BlockCardAsync(new CardActionRequest { CardNumber = card.CardNumber, Reason = "periksa" }, cancellationToken: Ct);
        var result = await import;

        Assert.Equal("BLOCKED", blocked.Status);
        Assert.Equal(("REJECTED", false, 0), (result.Status, result.Committed, result.HouseholdsCreated));
        Assert.Equal(1, await registry.ScalarAsync("SELECT COUNT(*) FROM households"));
        Assert.Equal(before + 1, await registry.ScalarAsync("SELECT COUNT(*) FROM outbox_messages")); // the block's event only
    }

    private static byte[] SyntheticFile(int persons)
    {
        using var text = new StringWriter();
        PilotDataGenerator.WriteCsv(text, PilotDataGenerator.GenerateSynthetic(persons, seed: 11));
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static int CountHouseholds(byte[] file) =>
        Encoding.UTF8.GetString(file).Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l[..16]).Distinct().Count();

    private static async Task<ImportResult> ImportAsync(RegistryGrpc client, byte[] file, bool allOrNothing, CancellationToken ct)
    {
        using var call = client.Imports.ImportHouseholds(cancellationToken: ct);
        await call.RequestStream.WriteAsync(new ImportHouseholdsRequest { Options = new ImportOptions { AllOrNothing = allOrNothing, FileName = "besar.csv" } }, ct);
        for (var offset = 0; offset < file.Length; offset += 64 * 1024)
        {
            await call.RequestStream.WriteAsync(new ImportHouseholdsRequest
            {
                Chunk = Google.Protobuf.ByteString.CopyFrom(file, offset, Math.Min(64 * 1024, file.Length - offset)),
            }, ct);
        }

        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    /// <summary>Polls until <paramref name="condition"/> holds (bounded: a minute).</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 1200; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50, Ct);
        }

        Assert.Fail("condition not reached within a minute");
    }
}
