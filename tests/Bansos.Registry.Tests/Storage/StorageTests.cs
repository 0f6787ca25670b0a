using Bansos.Protos.Registry.V1;
using Bansos.Registry.Tests.Import;
using Bansos.Registry.Tests.Support;
using Bansos.ServiceDefaults.Audit;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Grpc.Core;

namespace Bansos.Registry.Tests.Storage;

/// <summary>
/// The same registry on both storage providers (docs/architecture.md §7): SQLite in a temporary folder and a fresh
/// database on the real PostgreSQL (required under CI=true, skipped with the reason otherwise).
/// </summary>
[Collection(RegistryHostCollection.Name)]
public sealed class StorageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DbDialect> Dialects => new() { DbDialect.Sqlite, DbDialect.Postgres };

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Import_search_and_the_card_lifecycle_work_on(DbDialect dialect)
    {
        await using var registry = await RegistryFactory.StartAsync(RegistryHostOptions.Empty with { Dialect = dialect });
        Assert.Equal(dialect, registry.Service<IDatabase>().Dialect);
        var families = new[]
        {
            TestFamilies.Create(1, TestFamilies.GiriKencana, headName: "Sutrisno"),
            TestFamilies.Create(2, TestFamilies.GiriKencana, headName: "Supardi", programmes: "SEMBAKO|PKH"),
            TestFamilies.Create(3, TestFamilies.Urai, headName: "Bambang"),
            TestFamilies.Create(4, TestFamilies.AirPetai, headName: "Suharti Wijaya", members: 1),
            TestFamilies.Create(5, TestFamilies.AirPetai, headName: "Robert'); DROP TABLE members;--", members: 2),
            TestFamilies.Create(6, TestFamilies.AirPetai, headName: "Sutrisno", programmes: "PKH"),
        };

        // Import (gRPC), then the same file again (REST): nothing changes the second time.
        var first = (await registry.ImportAsync(Transport.Grpc, TestFamilies.Csv(families))).Ok;
        var state = await registry.StateAsync();
        var again = (await registry.ImportAsync(Transport.Rest, TestFamilies.Csv(families))).Ok;
        Assert.Equal((6, 0), (first.HouseholdsCreated, first.RowsRejected));
        Assert.Equal((0, 6), (again.HouseholdsCreated, again.HouseholdsUnchanged));
        Assert.Equal(state with { Imports = 2, CommittedImports = 2, Audit = 2 }, await registry.StateAsync());

        // A bad household in an all-or-nothing file rolls back the whole transaction on this provider too.
        var bad = TestFamilies.Create(7);
        var refused = (await registry.ImportAsync(Transport.Grpc,
            TestFamilies.Csv([TestFamilies.Create(8), bad with { Village = "17.03.12.2999" }]), allOrNothing: true)).Ok;
        Assert.False(refused.Committed);
        Assert.Equal(6, (await registry.StateAsync()).Households);

        // Search: village, district, programme, name prefix (case-insensitive), paging.
        var households = registry.AsAdmin.Households;
        Assert.Equal(2, (await households.SearchHouseholdsAsync(new() { VillageCode = TestFamilies.GiriKencana }, cancellationToken: Ct)).TotalCount);
        Assert.Equal(3, (await households.SearchHouseholdsAsync(new() { DistrictCode = "17.03.12" }, cancellationToken: Ct)).TotalCount);
        Assert.Equal(2, (await households.SearchHouseholdsAsync(new() { Programme = "PKH" }, cancellationToken: Ct)).TotalCount);
        var su = await households.SearchHouseholdsAsync(new() { NamePrefix = "su" }, cancellationToken: Ct);
        Assert.Equal(["SUHARTI WIJAYA", "SUPARDI", "SUTRISNO", "SUTRISNO"], su.Households.Select(h => h.HeadName.ToUpperInvariant()));
        var paged = await Functional.PilotReadTests.SearchAllAsync(registry.AsAdmin, new SearchHouseholdsRequest { PageSize = 2 });
        Assert.Equal(families.Select(f => f.Kk).Order(StringComparer.Ordinal), paged.Select(h => h.KkNumber).Order(StringComparer.Ordinal));
        var sameName = paged.Where(h => h.HeadName == "Sutrisno").ToList();
        Assert.Equal(2, sameName.Count); // equal names page by id, none lost or repeated

        var served = await registry.AsAdmin.Areas.ListServedVillagesAsync(new() { DistrictCode = "17.03.14" }, cancellationToken: Ct);
        Assert.Equal([(TestFamilies.AirPetai, 3, 6)], served.Villages.Select(v => (v.Code, v.HouseholdCount, v.PersonCount)));

        var household = await ImportTests.GetByKkAsync(registry, families[4].Kk);
        Assert.Equal(families[4].Members.Select(m => (m.Nik, m.Name)), household.Members.Select(m => (m.Nik, m.Name)));
        Assert.Empty(household.Cards);

        // Cards: issue, refuse a second, block, unblock, lose, replace.
        var cards = registry.AsAdmin.Cards;
        var issued = new List<AidCardInfo>();
        foreach (var family in families)
        {
            var id = (await registry.HouseholdIdAsync(family.Kk)).ToString();
            issued.Add(await cards.IssueCardAsync(new IssueCardRequest { HouseholdId = id }, cancellationToken: Ct));
        }

        Assert.Equal(6, issued.Select(c => c.CardNumber).Distinct().Count());
        await Errors.FailsAsync(StatusCode.FailedPrecondition, () => cards.IssueCardAsync(
            new IssueCardRequest { HouseholdId = household.HouseholdId }, cancellationToken: Ct).ResponseAsync);
        var number = issued[4].CardNumber;
        Assert.Equal("BLOCKED", (await cards.BlockCardAsync(new() { CardNumber = number }, cancellationToken: Ct)).Status);
        Assert.Equal("ACTIVE", (await cards.UnblockCardAsync(new() { CardNumber = number }, cancellationToken: Ct)).Status);
        Assert.Equal("LOST", (await cards.ReportCardLostAsync(new() { CardNumber = number }, cancellationToken: Ct)).Status);
        var replacement = await cards.ReplaceCardAsync(new() { CardNumber = number, Reason = "Hilang" }, cancellationToken: Ct);
        await Errors.FailsAsync(StatusCode.FailedPrecondition, () => cards.UnblockCardAsync(new() { CardNumber = number }, cancellationToken: Ct).ResponseAsync);

        household = await ImportTests.GetByKkAsync(registry, families[4].Kk);
        Assert.Equal([(number, "LOST", replacement.CardId), (replacement.CardNumber, "ACTIVE", "")],
            household.Cards.Select(c => (c.CardNumber, c.Status, c.ReplacedByCardId)));
        Assert.Equal(["REGISTERED", "CARD_ISSUED", "CARD_BLOCKED", "CARD_UNBLOCKED", "CARD_LOST", "CARD_REPLACED", "CARD_ISSUED"],
            household.History.Select(h => h.Action));
        Assert.Equal(7, await registry.ScalarAsync("SELECT COUNT(*) FROM aid_cards"));
        Assert.Null(await registry.Service<IAuditTrail>().VerifyChainAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task The_pilot_seed_gives_the_four_villages_and_707_cards_on(DbDialect dialect)
    {
        await using var registry = await RegistryFactory.StartAsync(RegistryHostOptions.Pilot with { Dialect = dialect });

        var villages = await registry.AsAdmin.Areas.ListServedVillagesAsync(new ListServedVillagesRequest(), cancellationToken: Ct);

        Assert.Equal(Pilot.Villages.Keys.Order(StringComparer.Ordinal), villages.Villages.Select(v => v.Code));
        Assert.Equal(351, villages.Villages.Where(v => v.DistrictCode == Pilot.Ketahun).Sum(v => v.HouseholdCount));
        Assert.Equal(356, villages.Villages.Where(v => v.DistrictCode == Pilot.PutriHijau).Sum(v => v.HouseholdCount));
        Assert.Equal(Pilot.Households, await registry.ScalarAsync("SELECT COUNT(*) FROM aid_cards WHERE status = 'ACTIVE'"));
        Assert.Equal(2 * Pilot.Households, await registry.ScalarAsync("SELECT COUNT(*) FROM outbox_messages"));

    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_restart_on_a_seeded_database_does_not_seed_again_on(DbDialect dialect)
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        RegistryState first;
        await using (var registry = await RegistryFactory.StartAsync(RegistryHostOptions.Pilot with { Database = database }))
        {
            first = await registry.StateAsync();
        }

        await using var restarted = await RegistryFactory.StartAsync(RegistryHostOptions.Pilot with { Database = database });

        Assert.Equal(first, await restarted.StateAsync());
        Assert.Equal(Pilot.Households, first.Households);
    }
}
