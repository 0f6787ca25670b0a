using System.Text.Json;
using Bansos.Protos.Registry.V1;
using Bansos.Registry.Tests.Support;
using Bansos.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Bansos.Registry.Tests.Storage;

/// <summary>
/// Commands racing on the same household or card, on both providers: each one either happens whole
/// or is refused with FailedPrecondition (never an internal error), no update is lost, and the events
/// carry one version per change, so a projection can order them. A re-import that changes every
/// household races removals of half of them (optimistic concurrency, docs/decisions.md D44): no
/// version is written twice and no household is changed after its removal.
/// </summary>
[Collection(RegistryHostCollection.Name)]
public sealed class ConcurrencyTests
{
    private const int Rounds = 4;
    private const int Families = 120;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DbDialect> Dialects => new() { DbDialect.Sqlite, DbDialect.Postgres };

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Cards_issued_at_once_to_one_household_give_one_card_and_refusals(DbDialect dialect)
    {
        await using var registry = await StartAsync(dialect);
        foreach (var id in await HouseholdIdsAsync(registry))
        {
            var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
                OutcomeAsync(() => registry.AsAdmin.Cards.IssueCardAsync(new IssueCardRequest { HouseholdId = id.ToString() }, cancellationToken: Ct).ResponseAsync)));

            Assert.Equal(1, outcomes.Count(o => o == StatusCode.OK));
            Assert.All(outcomes, o => Assert.True(o is StatusCode.OK or StatusCode.FailedPrecondition, $"got {o}"));
            Assert.Equal(1, await registry.ScalarAsync("SELECT COUNT(*) FROM aid_cards WHERE household_id = @id", new { id }));
        }
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Block_lost_and_replace_at_once_on_one_card_lose_no_update(DbDialect dialect)
    {
        await using var registry = await StartAsync(dialect);
        using (var scope = registry.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Application.CardCommands>().IssueMissingAsync("test", Ct);
        }

        foreach (var id in await HouseholdIdsAsync(registry))
        {
            var number = (await registry.QueryAsync<string>("SELECT card_number FROM aid_cards WHERE household_id = @id", new { id }))[0];
            var cards = registry.AsAdmin.Cards;
            var request = new CardActionRequest { CardNumber = number };

            var outcomes = await Task.WhenAll(
                OutcomeAsync(() => cards.BlockCardAsync(request, cancellationToken: Ct).ResponseAsync),
                OutcomeAsync(() => cards.ReportCardLostAsync(request, cancellationToken: Ct).ResponseAsync),
                OutcomeAsync(() => cards.ReplaceCardAsync(request, cancellationToken: Ct).ResponseAsync));

            Assert.All(outcomes, o => Assert.True(o is StatusCode.OK or StatusCode.FailedPrecondition, $"got {o}"));
            var row = (await registry.QueryAsync<(string Status, long Version)>("SELECT status, version FROM aid_cards WHERE card_number = @number", new { number })).Single();
            var events = (await registry.QueryAsync<string>(
                "SELECT body FROM outbox_messages WHERE message_type LIKE '%.CardStatusChanged,%' AND body LIKE @pattern ORDER BY id", new { pattern = $"%{number}%" }))
                .Select(StatusAndVersion).OrderBy(e => e.Version).ToList();
            Assert.Equal(Enumerable.Range(2, events.Count).Select(v => (long)v), events.Select(e => e.Version));
            // Replacing a LOST card bumps its version without a status event (it stays LOST).
            Assert.Equal(row.Status, events[^1].Status);
            Assert.InRange(row.Version, events[^1].Version, events[^1].Version + 1);
            Assert.True(await registry.ScalarAsync(
                "SELECT COUNT(*) FROM aid_cards WHERE household_id = @id AND status IN ('ACTIVE', 'BLOCKED')", new { id }) <= 1);
        }
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Status_changes_at_once_on_one_household_lose_no_update(DbDialect dialect)
    {
        await using var registry = await StartAsync(dialect);
        foreach (var id in await HouseholdIdsAsync(registry))
        {
            var households = registry.AsAdmin.Households;
            var outcomes = await Task.WhenAll(
                OutcomeAsync(() => households.ChangeHouseholdStatusAsync(new ChangeHouseholdStatusRequest
                {
                    HouseholdId = id.ToString(), Status = HouseholdStatus.Suspended,
                }, cancellationToken: Ct).ResponseAsync),
                OutcomeAsync(() => households.ChangeHouseholdStatusAsync(new ChangeHouseholdStatusRequest
                {
                    HouseholdId = id.ToString(), Status = HouseholdStatus.Removed, RemovalReason = RemovalReason.Duplicate,
                }, cancellationToken: Ct).ResponseAsync));

            Assert.All(outcomes, o => Assert.True(o is StatusCode.OK or StatusCode.FailedPrecondition, $"got {o}"));
            var row = (await registry.QueryAsync<(string Status, long Version)>("SELECT status, version FROM households WHERE id = @id", new { id })).Single();
            var events = (await registry.QueryAsync<string>(
                "SELECT body FROM outbox_messages WHERE message_type LIKE '%.HouseholdStatusChanged,%' AND body LIKE @pattern ORDER BY id", new { pattern = $"%{id}%" }))
                .Select(StatusAndVersion).OrderBy(e => e.Version).ToList();
            Assert.Equal(Enumerable.Range(2, events.Count).Select(v => (long)v), events.Select(e => e.Version));
            Assert.Equal((row.Status, row.Version), events[^1]);
            Assert.Equal(events.Count, await registry.ScalarAsync(
                "SELECT COUNT(*) FROM audit_log WHERE entity_type = 'household' AND entity_id = @id", new { id = id.ToString() }));
        }
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Reimport_racing_removals_writes_each_version_once_and_never_changes_a_removed_household(DbDialect dialect)
    {
        // Small batches and short commit windows, so that the import's reads and writes interleave with the commands.
        await using var registry = await RegistryFactory.StartAsync(RegistryHostOptions.Empty with
        {
            Dialect = dialect,
            Settings = new Dictionary<string, string?>
            {
                ["Bansos:Registry:ImportBatchSize"] = "5",
                ["Bansos:Registry:ImportCommitInterval"] = "00:00:00.050",
            },
        });
        await registry.ImportAsync(Transport.Grpc, TestFamilies.Csv(Enumerable.Range(0, Families).Select(n => TestFamilies.Create(n))));
        var ids = await registry.QueryAsync<Guid>("SELECT id FROM households ORDER BY kk_number");
        Assert.Equal(Families, ids.Count);

        var changed = TestFamilies.Csv(Enumerable.Range(0, Families).Select(n => TestFamilies.Create(n, street: "Jl. Baru No. 2", desil: "2")));
        var import = registry.ImportAsync(Transport.Grpc, changed);
        var removals = Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            var outcomes = new List<StatusCode>();
            for (var i = worker * 2; i < ids.Count; i += 8)
            {
                outcomes.Add(await OutcomeAsync(() => registry.AsAdmin.Households.ChangeHouseholdStatusAsync(new ChangeHouseholdStatusRequest
                {
                    HouseholdId = ids[i].ToString(), Status = HouseholdStatus.Removed, RemovalReason = RemovalReason.Duplicate,
                }, cancellationToken: Ct).ResponseAsync));
            }

            return outcomes;
        }, Ct)));

        var result = (await import).Ok;
        var outcomes = (await removals).SelectMany(o => o).ToList();
        Assert.All(outcomes, o => Assert.Equal(StatusCode.OK, o)); // a version conflict is retried, not returned
        Assert.Equal(Families, result.HouseholdsUpdated + result.HouseholdsRejected);

        var events = (await registry.QueryAsync<(string Type, string Body)>(
                "SELECT message_type, body FROM outbox_messages WHERE message_type LIKE '%.Household%' ORDER BY id"))
            .Select(Parse).ToLookup(e => e.HouseholdId);
        var rows = await registry.QueryAsync<(Guid Id, string Status, long Version)>("SELECT id, status, version FROM households");
        Assert.Equal(Families, rows.Count);
        foreach (var row in rows)
        {
            var own = events[row.Id].OrderBy(e => e.Version).ToList();
            Assert.Equal(Enumerable.Range(1, own.Count).Select(v => (long)v), own.Select(e => e.Version)); // no version twice, none skipped
            Assert.Equal(row.Version, own[^1].Version);
            var removedAt = own.FirstOrDefault(e => e.Status == "REMOVED")?.Version;
            Assert.DoesNotContain(own, e => e.Kind == "HouseholdChanged" && e.Version > removedAt);
            Assert.Equal(row.Status == "REMOVED", removedAt is not null);
        }

        // Every other household was removed; the rest were changed by the import.
        Assert.Equal(Families / 2, rows.Count(r => r.Status == "REMOVED"));
        Assert.Equal(0, await registry.ScalarAsync(
            "SELECT COUNT(*) FROM households WHERE status = 'ACTIVE' AND street <> 'Jl. Baru No. 2'"));
    }

    private static async Task<RegistryFactory> StartAsync(DbDialect dialect)
    {
        var registry = await RegistryFactory.StartAsync(RegistryHostOptions.Empty with { Dialect = dialect });
        await registry.ImportAsync(Transport.Grpc, TestFamilies.Csv(Enumerable.Range(1, Rounds).Select(n => TestFamilies.Create(n))));
        return registry;
    }

    private static async Task<IReadOnlyList<Guid>> HouseholdIdsAsync(RegistryFactory registry) =>
        await registry.QueryAsync<Guid>("SELECT id FROM households ORDER BY kk_number");

    private static async Task<StatusCode> OutcomeAsync(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException error)
        {
            return error.StatusCode;
        }
    }

    private static (string Status, long Version) StatusAndVersion(string body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        JsonElement Get(string name) => root.EnumerateObject().First(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
        return (Get("Status").GetString()!, Get("Version").GetInt64());
    }

    private static HouseholdEvent Parse((string Type, string Body) row)
    {
        using var json = JsonDocument.Parse(row.Body);
        string? Get(string name) => json.RootElement.EnumerateObject()
            .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: not JsonValueKind.Undefined } v
            ? v.ToString()
            : null;
        var kind = row.Type.Split(',')[0].Split('.')[^1];
        return new HouseholdEvent(kind, Guid.Parse(Get("HouseholdId")!), long.Parse(Get("Version")!, System.Globalization.CultureInfo.InvariantCulture),
            kind == "HouseholdStatusChanged" ? Get("Status") : null);
    }

    private sealed record HouseholdEvent(string Kind, Guid HouseholdId, long Version, string? Status);
}
