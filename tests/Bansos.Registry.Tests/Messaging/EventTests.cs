using Bansos.Contracts;
using Bansos.Protos.Registry.V1;
using HouseholdStatus = Bansos.Protos.Registry.V1.HouseholdStatus;
using Bansos.Registry.Tests.Support;
using Bansos.Testing;

namespace Bansos.Registry.Tests.Messaging;

/// <summary>
/// The registry's events leave through the outbox relay and the real RabbitMQ and arrive at a consumer
/// that is not the registry (docs/architecture.md §6): a test bus with a uniquely named queue (<see cref="RegistryEvents"/>). Events
/// of other tests share the exchanges, so every expectation names the test's own households and cards.
/// </summary>
[Collection(RegistryHostCollection.Name)]
public sealed class EventTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly RegistryHostOptions Relay = RegistryHostOptions.Empty with { Relay = true };

    [Fact]
    public async Task An_import_publishes_HouseholdRegistered_once_per_new_household_and_a_re_import_publishes_nothing()
    {
        await using var listener = await RegistryEvents.ListenAsync();
        var events = listener.Received;
        await using var registry = await RegistryFactory.StartAsync(Relay);
        var families = new[]
        {
            TestFamilies.Create(1, TestFamilies.GiriKencana),
            TestFamilies.Create(2, TestFamilies.AirPetai, programmes: "SEMBAKO|PKH", desil: "2", members: 4),
            TestFamilies.Create(3, TestFamilies.Urai, members: 1),
        };
        var csv = TestFamilies.Csv(families);

        await registry.ImportAsync(Transport.Grpc, csv);
        var ids = new List<Guid>();
        foreach (var family in families)
        {
            ids.Add(await registry.HouseholdIdAsync(family.Kk));
        }

        var registered = await events.WaitForAsync<HouseholdRegistered>(e => ids.Contains(e.HouseholdId), 3);
        for (var i = 0; i < families.Length; i++)
        {
            var e = Assert.Single(registered, r => r.HouseholdId == ids[i]);
            Assert.Equal(families[i].Village, e.VillageCode);
            Assert.Equal(HouseholdStatuses.Active, e.Status);
            Assert.Equal(families[i].Members.Count, e.MemberCount);
            Assert.Equal(int.Parse(families[i].Desil, System.Globalization.CultureInfo.InvariantCulture), e.Desil);
            Assert.Equal(families[i].Programmes.Split('|').Order(StringComparer.Ordinal), e.Programmes.Order(StringComparer.Ordinal));
            Assert.Equal(1, e.Version);
        }

        // Re-import: nothing new in the outbox. A marker published after it (events go out in order)
        // proves nothing else was on its way.
        var outbox = await registry.ScalarAsync("SELECT COUNT(*) FROM outbox_messages");
        var again = (await registry.ImportAsync(Transport.Rest, csv)).Ok;
        Assert.Equal(3, again.HouseholdsUnchanged);
        Assert.Equal(outbox, await registry.ScalarAsync("SELECT COUNT(*) FROM outbox_messages"));
        var marker = await registry.AsAdmin.Cards.IssueCardAsync(new IssueCardRequest { HouseholdId = ids[0].ToString() }, cancellationToken: Ct);
        await events.WaitForAsync<CardIssued>(e => e.CardId == Guid.Parse(marker.CardId));
        Assert.Equal(3, events.All<HouseholdRegistered>(e => ids.Contains(e.HouseholdId)).Count);
        Assert.Empty(events.All<HouseholdChanged>(e => ids.Contains(e.HouseholdId)));
    }

    [Fact]
    public async Task Issuing_a_card_publishes_CardIssued_and_block_unblock_replace_publish_CardStatusChanged_with_versions()
    {
        await using var listener = await RegistryEvents.ListenAsync();
        var events = listener.Received;
        await using var registry = await RegistryFactory.StartAsync(Relay);
        var family = TestFamilies.Create(4);
        await registry.ImportAsync(Transport.Grpc, TestFamilies.Csv([family]));
        var householdId = await registry.HouseholdIdAsync(family.Kk);
        var cards = registry.AsAdmin.Cards;

        var card = await cards.IssueCardAsync(new IssueCardRequest { HouseholdId = householdId.ToString() }, cancellationToken: Ct);
        var cardId = Guid.Parse(card.CardId);
        var issued = Assert.Single(await events.WaitForAsync<CardIssued>(e => e.CardId == cardId, 1));
        Assert.Equal((card.CardNumber, householdId, (Guid?)null, 1L), (issued.CardNumber, issued.HouseholdId, issued.ReplacesCardId, issued.Version));

        await registry.AsOperator.Cards.BlockCardAsync(new CardActionRequest { CardNumber = card.CardNumber, Reason = "Diselidiki" }, cancellationToken: Ct);
        var blocked = Assert.Single(await events.WaitForAsync<CardStatusChanged>(e => e.CardId == cardId, 1));
        Assert.Equal((CardStatuses.Blocked, "Diselidiki", 2L, householdId, card.CardNumber), (blocked.Status, blocked.Reason, blocked.Version, blocked.HouseholdId, blocked.CardNumber));

        await cards.UnblockCardAsync(new CardActionRequest { CardNumber = card.CardNumber }, cancellationToken: Ct);
        var replacement = await cards.ReplaceCardAsync(new CardActionRequest { CardNumber = card.CardNumber, Reason = "Rusak" }, cancellationToken: Ct);
        var changes = await events.WaitForAsync<CardStatusChanged>(e => e.CardId == cardId, 3);
        var issuedNew = Assert.Single(await events.WaitForAsync<CardIssued>(e => e.CardId == Guid.Parse(replacement.CardId), 1));

        Assert.Equal([(CardStatuses.Blocked, 2L), (CardStatuses.Active, 3L), (CardStatuses.Replaced, 4L)],
            changes.Select(e => (e.Status, e.Version)).OrderBy(e => e.Item2));
        Assert.Equal((cardId, householdId, 1L), (issuedNew.ReplacesCardId!.Value, issuedNew.HouseholdId, issuedNew.Version));
        await WaitUntilAllSentAsync(registry);
    }

    [Fact]
    public async Task A_status_change_publishes_HouseholdStatusChanged_and_a_changed_household_HouseholdChanged()
    {
        await using var listener = await RegistryEvents.ListenAsync();
        var events = listener.Received;
        await using var registry = await RegistryFactory.StartAsync(Relay);
        var family = TestFamilies.Create(5, members: 2);
        await registry.ImportAsync(Transport.Grpc, TestFamilies.Csv([family]));
        var id = await registry.HouseholdIdAsync(family.Kk);

        await registry.ImportAsync(Transport.Grpc, TestFamilies.Csv([TestFamilies.Create(5, members: 3)]));
        await registry.AsAdmin.Households.ChangeHouseholdStatusAsync(new ChangeHouseholdStatusRequest
        {
            HouseholdId = id.ToString(), Status = HouseholdStatus.Removed, RemovalReason = RemovalReason.Moved,
        }, cancellationToken: Ct);

        var changed = Assert.Single(await events.WaitForAsync<HouseholdChanged>(e => e.HouseholdId == id, 1));
        var status = Assert.Single(await events.WaitForAsync<HouseholdStatusChanged>(e => e.HouseholdId == id, 1));
        Assert.Equal((3, 2L), (changed.MemberCount, changed.Version));
        Assert.Equal((HouseholdStatuses.Removed, "MOVED", 3L), (status.Status, status.Reason, status.Version));
    }

    [Fact]
    public async Task The_pilot_seed_publishes_707_registrations_and_707_card_issues()
    {
        await using var listener = await RegistryEvents.ListenAsync();
        var events = listener.Received;
        await using var registry = await RegistryFactory.StartAsync(RegistryHostOptions.Pilot with { Relay = true });
        var households = (await registry.QueryAsync<Guid>("SELECT id FROM households")).ToHashSet();

        await events.WaitForAsync<HouseholdRegistered>(e => households.Contains(e.HouseholdId), Pilot.Households);
        await events.WaitForAsync<CardIssued>(e => households.Contains(e.HouseholdId), Pilot.Households);

        Assert.Equal(Pilot.Households, events.All<HouseholdRegistered>(e => households.Contains(e.HouseholdId)).Select(e => e.HouseholdId).Distinct().Count());
        Assert.Equal(Pilot.Households, events.All<CardIssued>(e => households.Contains(e.HouseholdId)).Select(e => e.CardId).Distinct().Count());
        await WaitUntilAllSentAsync(registry);
    }

    [Fact]
    public async Task Events_committed_while_the_relay_was_down_are_delivered_after_a_restart()
    {
        await using var listener = await RegistryEvents.ListenAsync();
        var events = listener.Received;
        await using var database = await TestDatabases.CreateAsync(Bansos.ServiceDefaults.Storage.DbDialect.Sqlite);
        var family = TestFamilies.Create(6);

        // First life: the import commits its events, the relay never runs (as if the process died right after).
        Guid id;
        await using (var first = await RegistryFactory.StartAsync(RegistryHostOptions.Empty with { Database = database }))
        {
            await first.ImportAsync(Transport.Grpc, TestFamilies.Csv([family]));
            id = await first.HouseholdIdAsync(family.Kk);
            Assert.Equal(1, await first.ScalarAsync("SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NULL"));
        }

        Assert.Empty(events.All<HouseholdRegistered>(e => e.HouseholdId == id));

        // Second life on the same database, relay on: the waiting event goes out once.
        await using var second = await RegistryFactory.StartAsync(Relay with { Database = database });
        await events.WaitForAsync<HouseholdRegistered>(e => e.HouseholdId == id);
        await WaitUntilAllSentAsync(second);
        Assert.Single(events.All<HouseholdRegistered>(e => e.HouseholdId == id));
    }

    /// <summary>The consumer may see a message a moment before the relay records the broker's confirm.</summary>
    private static async Task WaitUntilAllSentAsync(RegistryFactory registry)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TestPublisher.Timeout);
        while (await registry.ScalarAsync("SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NULL") > 0)
        {
            await Task.Delay(50, timeout.Token);
        }

        Assert.Equal(0, await registry.ScalarAsync("SELECT COUNT(*) FROM outbox_messages WHERE failed_at IS NOT NULL"));
    }
}
