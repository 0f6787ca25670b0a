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
/// carry one version per change, so a projection can order them.
/// </summary>
[Collection(RegistryHostCollection.Name)]
public sealed class ConcurrencyTests
{
    private const int Rounds = 4;

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
}
