using System.Text;
using Bansos.Protos.Registry.V1;
using Bansos.Registry.Tests.Support;
using Bansos.ServiceDefaults.Audit;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;

namespace Bansos.Registry.Tests.Import;

/// <summary>
/// The import through the gRPC client stream and the REST upload, each on a fresh registry: counts,
/// re-import changes nothing, a changed household is updated, all-or-nothing, and text that looks like
/// CSV or SQL syntax stored verbatim.
/// </summary>
[Collection(RegistryHostCollection.Name)]
public sealed class ImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<Transport> Transports => new() { Transport.Grpc, Transport.Rest };

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task The_pilot_file_imports_707_households_and_re_importing_it_changes_nothing(Transport transport)
    {
        await using var registry = await RegistryFactory.StartAsync(RegistryHostOptions.Empty);
        var file = await File.ReadAllTextAsync(Pilot.File, Ct);

        var first = (await registry.ImportAsync(transport, file, fileName: "pilot-households.csv")).Ok;
        var afterFirst = await registry.StateAsync();
        var second = (await registry.ImportAsync(transport, file, fileName: "pilot-households.csv")).Ok;
        var afterSecond = await registry.StateAsync();

        Assert.True(first.Committed);
        Assert.Equal((707, 0, 0, 0), (first.HouseholdsCreated, first.HouseholdsUpdated, first.HouseholdsUnchanged, first.HouseholdsRejected));
        Assert.Equal(PilotRow.All.Count, first.PersonsCreated);
        Assert.Equal(PilotRow.All.Count, first.RowsRead);
        Assert.Equal(0, first.RowsRejected);
        Assert.Empty(first.RejectedRows);
        Assert.Equal(new RegistryState(707, PilotRow.All.Count, 707, 0, 707, 1, 1, 1), afterFirst);
        Assert.Equal(707, await registry.OutboxCountAsync("HouseholdRegistered"));

        Assert.True(second.Committed);
        Assert.Equal((0, 0, 707, 0), (second.HouseholdsCreated, second.HouseholdsUpdated, second.HouseholdsUnchanged, second.HouseholdsRejected));
        Assert.Equal(0, second.PersonsCreated);
        Assert.Equal(PilotRow.All.Count, second.PersonsUnchanged);
        // Only the import's own record and audit entry: no household, member, history row or event.
        Assert.Equal(afterFirst with { Imports = 2, CommittedImports = 2, Audit = 2 }, afterSecond);
        Assert.Equal(1, await registry.ScalarAsync("SELECT MAX(version) FROM households"));

        var villages = await registry.AsAdmin.Areas.ListServedVillagesAsync(new ListServedVillagesRequest(), cancellationToken: Ct);
        Assert.Equal(351, villages.Villages.Where(v => v.DistrictCode == Pilot.Ketahun).Sum(v => v.HouseholdCount));
        Assert.Equal(356, villages.Villages.Where(v => v.DistrictCode == Pilot.PutriHijau).Sum(v => v.HouseholdCount));
        var audit = await registry.QueryAsync<(string Actor, string Action)>("SELECT actor, action FROM audit_log ORDER BY sequence");
        Assert.Equal([("admin-test", "IMPORT_HOUSEHOLDS"), ("admin-test", "IMPORT_HOUSEHOLDS")], audit);
        Assert.Equal(["pilot-households.csv", "pilot-households.csv"], await registry.QueryAsync<string>("SELECT file_name FROM imports"));
        Assert.Null(await registry.Service<IAuditTrail>().VerifyChainAsync(Ct));
    }

    [Theory]
    [EveryDialect]
    public async Task An_import_committed_in_many_windows_stores_the_same_as_one_and_re_importing_it_changes_nothing(DbDialect dialect)
    {
        // Batches of 25 households, a commit after each: the pilot file goes in about 29 commits.
        await using var registry = await RegistryFactory.StartAsync(RegistryHostOptions.Empty with
        {
            Dialect = dialect,
            Settings = new Dictionary<string, string?>
            {
                ["Bansos:Registry:ImportBatchSize"] = "25",
                ["Bansos:Registry:ImportCommitInterval"] = "00:00:00",
            },
        });
        var file = await File.ReadAllTextAsync(Pilot.File, Ct);

        var first = (await registry.ImportAsync(Transport.Grpc, file)).Ok;
        var afterFirst = await registry.StateAsync();
        var second = (await registry.ImportAsync(Transport.Grpc, file)).Ok;

        Assert.True(first.Committed);
        Assert.Equal((707, 0, 0, 0), (first.HouseholdsCreated, first.HouseholdsUpdated, first.HouseholdsUnchanged, first.HouseholdsRejected));
        Assert.Equal(PilotRow.All.Count, first.RowsRead);
        Assert.Equal(new RegistryState(707, PilotRow.All.Count, 707, 0, 707, 1, 1, 1), afterFirst);
        Assert.Equal((0, 0, 707, 0), (second.HouseholdsCreated, second.HouseholdsUpdated, second.HouseholdsUnchanged, second.HouseholdsRejected));
        Assert.Equal(afterFirst with { Imports = 2, CommittedImports = 2, Audit = 2 }, await registry.StateAsync());
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_changed_household_is_updated_and_the_others_are_left_alone(Transport transport)
    {
        await using var registry = await RegistryFactory.StartAsync(RegistryHostOptions.Empty);
        var same = TestFamilies.Create(1);
        var grows = TestFamilies.Create(2, members: 3);
        var moves = TestFamilies.Create(3);
        await registry.ImportAsync(transport, TestFamilies.Csv([same, grows, moves]));
        var before = await registry.StateAsync();

        var grown = TestFamilies.Create(2, members: 4, desil: "5", programmes: "SEMBAKO|PKH");
        var moved = moves with { Street = "Jl. Baru No. 9", Rt = "004" };
        var result = (await registry.ImportAsync(transport, TestFamilies.Csv([same, grown, moved]))).Ok;

        Assert.Equal((0, 2, 1, 0), (result.HouseholdsCreated, result.HouseholdsUpdated, result.HouseholdsUnchanged, result.HouseholdsRejected));
        Assert.Equal(before with
        {
            Members = before.Members + 1,
            History = before.History + 2,
            Outbox = before.Outbox + 2,
            Imports = before.Imports + 1,
            CommittedImports = before.CommittedImports + 1,
            Audit = before.Audit + 1,
        }, await registry.StateAsync());
        Assert.Equal(2, await registry.OutboxCountAsync("HouseholdChanged"));

        var household = await GetAsync(registry, grown.Kk);
        Assert.Equal(grown.Members.Select(m => m.Nik), household.Members.Select(m => m.Nik));
        Assert.Equal(5, household.Desil);
        Assert.Equal(["PKH", "SEMBAKO"], household.Programmes.Order(StringComparer.Ordinal));
        Assert.Equal(2, household.Version);
        Assert.Equal(["REGISTERED", "CHANGED"], household.History.Select(h => h.Action));
        Assert.Equal(("Jl. Baru No. 9", "004"), ((await GetAsync(registry, moved.Kk)).Address.Street, (await GetAsync(registry, moved.Kk)).Address.Rt));
        Assert.Equal(1, (await GetAsync(registry, same.Kk)).Version);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task All_or_nothing_commits_a_clean_file(Transport transport)
    {
        await using var registry = await RegistryFactory.StartAsync(RegistryHostOptions.Empty);

        var result = (await registry.ImportAsync(transport, TestFamilies.Csv([TestFamilies.Create(1), TestFamilies.Create(2)]), allOrNothing: true)).Ok;

        Assert.True(result.Committed);
        Assert.Equal(2, result.HouseholdsCreated);
        Assert.Equal(new RegistryState(2, 6, 2, 0, 2, 1, 1, 1), await registry.StateAsync());
        Assert.True(await registry.ScalarAsync("SELECT COUNT(*) FROM imports WHERE all_or_nothing = @yes", new { yes = true }) == 1);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Quotes_commas_and_SQL_looking_names_are_stored_verbatim_and_harmless(Transport transport)
    {
        await using var registry = await RegistryFactory.StartAsync(RegistryHostOptions.Empty);
        var family = TestFamilies.Create(7, headName: "Robert'); DROP TABLE households;--", street: "Jl. \"Merdeka\", Gg. O'Neil; No. 5");
        family = family
            .WithMember(1, family.Members[1] with { Name = "Siti \"Ani\" Rahmawati" })
            .WithMember(2, family.Members[2] with { Name = "Sutrisno, S.Pd.' OR '1'='1" });
        var csv = TestFamilies.Csv([family, TestFamilies.Create(8, headName: "Bobby Tables")]);
        Assert.Contains("\"Siti \"\"Ani\"\" Rahmawati\"", csv, StringComparison.Ordinal); // RFC 4180 quoting on the wire

        var result = (await registry.ImportAsync(transport, csv)).Ok;

        Assert.Equal(2, result.HouseholdsCreated);
        Assert.Equal(0, result.RowsRejected);
        var stored = await GetAsync(registry, family.Kk);
        Assert.Equal(family.Members.Select(m => m.Name), stored.Members.Select(m => m.Name));
        Assert.Equal(family.Street, stored.Address.Street);
        Assert.Equal(2, await registry.ScalarAsync("SELECT COUNT(*) FROM households"));

        var search = await registry.AsAdmin.Households.SearchHouseholdsAsync(new SearchHouseholdsRequest { NamePrefix = "robert')" }, cancellationToken: Ct);
        Assert.Equal("Robert'); DROP TABLE households;--", Assert.Single(search.Households).HeadName);
        // LIKE wildcards in a prefix are plain text.
        foreach (var prefix in new[] { "%", "_", "' OR '1'='1" })
        {
            var none = await registry.AsAdmin.Households.SearchHouseholdsAsync(new SearchHouseholdsRequest { NamePrefix = prefix }, cancellationToken: Ct);
            Assert.Equal(0, none.TotalCount);
        }

        using var http = registry.Rest(registry.AdminToken);
        var rest = await Errors.ProtoAsync<SearchHouseholdsResponse>(await http.GetAsync(
            $"/api/v1/registry/households?namePrefix={Uri.EscapeDataString("Robert'); DROP")}", Ct));
        Assert.Equal(stored.HouseholdId, Assert.Single(rest.Households).HouseholdId);
    }

    [Fact]
    public async Task Chunks_may_split_anywhere_even_inside_a_UTF8_character_and_a_BOM_and_CRLF_are_accepted()
    {
        await using var registry = await RegistryFactory.StartAsync(RegistryHostOptions.Empty);
        var family = TestFamilies.Create(9, headName: "Ñoman Śuryadi Ēko");
        var text = TestFamilies.Csv([family, TestFamilies.Create(10)]).Replace("\n", "\r\n", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var result = (await Importer.GrpcAsync(registry.AsAdmin, bytes, chunkSize: 3)).Ok;

        Assert.Equal(2, result.HouseholdsCreated);
        Assert.Equal(0, result.RowsRejected);
        Assert.Equal("Ñoman Śuryadi Ēko", (await GetAsync(registry, family.Kk)).Members[0].Name);
    }

    [Fact]
    public async Task A_household_whose_rows_are_not_together_is_rejected_for_the_later_rows()
    {
        await using var registry = await RegistryFactory.StartAsync(RegistryHostOptions.Empty);
        var split = TestFamilies.Create(11);
        var other = TestFamilies.Create(12);
        var rows = split.Rows().ToList();
        var csv = TestFamilies.Lines([rows[0], rows[1], .. other.Rows(), rows[2]]);

        var outcome = await registry.ImportAsync(Transport.Grpc, csv);

        // Line 7 repeats a KK that ended on line 3.
        Assert.Contains(outcome.Line(7), r => r.Field == "kk" && r.Reason.Contains("contiguous", StringComparison.Ordinal));
        Assert.Equal(2, outcome.Ok.HouseholdsCreated);
    }

    private static Task<Household> GetAsync(RegistryFactory registry, string kk) => GetByKkAsync(registry, kk);

    internal static async Task<Household> GetByKkAsync(RegistryFactory registry, string kk) =>
        await registry.AsAdmin.Households.GetHouseholdAsync(
            new GetHouseholdRequest { HouseholdId = (await registry.HouseholdIdAsync(kk)).ToString() }, cancellationToken: Ct);
}
