using System.Text.Json;
using Bansos.Protos.Registry.V1;
using Bansos.Registry.Tests.Support;
using Bansos.ServiceDefaults.Storage;
using Grpc.Core;

namespace Bansos.Registry.Tests.Storage;

/// <summary>
/// A re-import that changes every household races status changes that remove half of them
/// (optimistic concurrency, docs/decisions.md D44): each household's events carry one version per
/// change with no version written twice, the stored row is at the last event's version, and no
/// household is changed after its removal.
/// </summary>
[Collection(RegistryHostCollection.Name)]
public sealed class ImportRaceTests
{
    private const int Families = 120;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DbDialect> Dialects => new() { DbDialect.Sqlite, DbDialect.Postgres };

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
