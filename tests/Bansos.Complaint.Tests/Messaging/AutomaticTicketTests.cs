using Bansos.Complaint.Tests.Support;
using Bansos.Contracts;
using Bansos.Protos.Complaint.V1;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using MassTransit;

namespace Bansos.Complaint.Tests.Messaging;

/// <summary>Tickets the service opens from PayoutDeclined and notes from CardStatusChanged, on the real RabbitMQ.</summary>
public sealed class AutomaticTicketTests
{
    [Theory]
    [EveryDialect]
    public async Task A_blocked_PIN_decline_opens_a_ticket_for_the_household_and_village(DbDialect dialect)
    {
        await using var world = await World.StartAsync(dialect);
        var household = Guid.NewGuid();
        var declined = Decline(household, "PIN_BLOCKED");

        await world.DeliverAsync(declined);

        var ticket = Assert.Single(await world.TicketsOfAsync(household));
        Assert.Equal((ComplaintCategory.PinForgottenOrBlocked, ComplaintChannel.Automatic, Pilot.Urai, true),
            (ticket.Category, ticket.Channel, ticket.VillageCode, ticket.Automatic));
        Assert.Equal((declined.PayoutId.ToString(), "system", ComplaintStatus.Received), (ticket.PayoutId, ticket.FiledBy, ticket.Status));
        Assert.Contains("PIN_BLOCKED", ticket.Description, StringComparison.Ordinal);
        Assert.Equal(1, await world.Host.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE message_type LIKE '%ComplaintFiled%' AND body LIKE @id", new { id = "%" + ticket.ComplaintId + "%" }));
    }

    [Theory]
    [EveryDialect]
    public async Task The_same_event_delivered_twice_and_two_declines_in_a_row_make_one_ticket(DbDialect dialect)
    {
        await using var world = await World.StartAsync(dialect);
        var household = Guid.NewGuid();
        var first = Decline(household, "CARD_BLOCKED");
        var messageId = NewId.NextGuid();

        await world.DeliverAsync(first, messageId);
        await world.DeliverAsync(first, messageId);          // a redelivery: same message id (the inbox drops it)
        await world.DeliverAsync(first);                     // a republish: another message id, same payout (noted once)
        var second = Decline(household, "CARD_LOST") with { OccurredAt = first.OccurredAt.AddMinutes(2) };
        var third = Decline(household, "CARD_BLOCKED") with { OccurredAt = first.OccurredAt.AddMinutes(3) };
        await Task.WhenAll(world.DeliverAsync(second), world.DeliverAsync(third)); // at once: racing consumers

        var ticket = Assert.Single(await world.TicketsOfAsync(household));
        Assert.Equal(first.PayoutId.ToString(), ticket.PayoutId);
        var full = await world.Admin.GetComplaintAsync(new() { ComplaintId = ticket.ComplaintId });
        Assert.Equal(["FILED", "NOTE", "NOTE"], full.History.Select(h => h.Action));
        Assert.All(full.History, h => Assert.Equal("system", h.Actor));
    }

    [Fact]
    public async Task A_decline_for_the_household_after_its_ticket_closed_opens_a_new_one()
    {
        await using var world = await World.StartAsync(DbDialect.Sqlite);
        var household = Guid.NewGuid();
        await world.DeliverAsync(Decline(household, "PIN_BLOCKED"));
        var first = Assert.Single(await world.TicketsOfAsync(household));
        await world.Admin.StartWorkAsync(new() { ComplaintId = first.ComplaintId });
        await world.Admin.ResolveComplaintAsync(new() { ComplaintId = first.ComplaintId, Resolution = "PIN dibuka dengan PUK." });

        await world.DeliverAsync(Decline(household, "PIN_BLOCKED"));

        Assert.Equal(2, (await world.TicketsOfAsync(household)).Count);
    }

    [Fact]
    public async Task Other_declines_open_nothing()
    {
        await using var world = await World.StartAsync(DbDialect.Sqlite);
        var household = Guid.NewGuid();
        await world.DeliverAsync(Decline(household, "INSUFFICIENT_BALANCE"));
        await world.DeliverAsync(Decline(household, "CARD_UNREADABLE"));
        Assert.Empty(await world.TicketsOfAsync(household));
    }

    [Fact]
    public async Task A_replaced_card_is_noted_on_the_households_open_card_ticket()
    {
        await using var world = await World.StartAsync(DbDialect.Sqlite);
        var household = Guid.NewGuid();
        await world.DeliverAsync(Decline(household, "CARD_LOST"));
        var replaced = new CardStatusChanged(Guid.NewGuid(), "9900170000000011", household, CardStatuses.Replaced, "LOST", 3, DateTimeOffset.UtcNow);

        await world.DeliverAsync(replaced);
        await world.DeliverAsync(replaced); // a republish of the same change is noted once

        var ticket = Assert.Single(await world.TicketsOfAsync(household));
        var history = (await world.Admin.GetComplaintAsync(new() { ComplaintId = ticket.ComplaintId })).History;
        Assert.Equal(["FILED", "NOTE"], history.Select(h => h.Action));
        Assert.Contains("diganti", history[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_household_the_registry_announced_can_be_named_in_a_complaint()
    {
        await using var world = await World.StartAsync(DbDialect.Sqlite);
        var household = Guid.NewGuid();
        await world.DeliverAsync(new HouseholdRegistered(household, Pilot.GiriKencana, HouseholdStatuses.Active, ["SEMBAKO"], 2, 4, 1, DateTimeOffset.UtcNow));

        var request = Pilot.Request(Pilot.GiriKencana);
        request.HouseholdId = household.ToString();
        var filed = await world.Admin.FileComplaintAsync(request);

        Assert.Equal(household.ToString(), filed.HouseholdId);
        request.VillageCode = Pilot.Urai;
        await Errors.RpcAsync(global::Grpc.Core.StatusCode.InvalidArgument, () => world.Admin.FileComplaintAsync(request).ResponseAsync);
    }

    private static PayoutDeclined Decline(Guid household, string reason) =>
        new(NewId.NextGuid(), reason, household, "9900170000000011", 7, Pilot.Urai, 0, DateTimeOffset.UtcNow);

    /// <summary>A complaint host on the broker, a publisher beside it, and a watch on what the host consumed.</summary>
    private sealed class World : IAsyncDisposable
    {
        private readonly ConsumedMessages consumed = new();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> published = new();
        private TestPublisher bus = null!;

        private World(ComplaintHost host) => Host = host;

        public ComplaintHost Host { get; }

        public ComplaintService.ComplaintServiceClient Admin => Host.Client(Tokens.Admin());

        public static async Task<World> StartAsync(DbDialect dialect)
        {
            var world = new World(await ComplaintHost.StartAsync(dialect, messaging: true));
            world.Host.Host.Service<IBus>().ConnectConsumeObserver(world.consumed);
            world.bus = await TestPublisher.StartAsync(await ComplaintHost.BrokerAsync());
            return world;
        }

        /// <summary>Publishes and waits until the host has consumed it (the duplicate included).</summary>
        public async Task DeliverAsync<T>(T message, Guid? messageId = null)
            where T : class
        {
            var id = messageId ?? NewId.NextGuid();
            var times = published.AddOrUpdate(id, 1, (_, n) => n + 1);
            await bus.PublishAsync(message, id);
            await consumed.WaitAsync(id, times);
        }

        public async Task<IReadOnlyList<Protos.Complaint.V1.Complaint>> TicketsOfAsync(Guid household) =>
            [.. (await Admin.ListComplaintsAsync(new() { HouseholdId = household.ToString() })).Complaints];

        public async ValueTask DisposeAsync()
        {
            await bus.DisposeAsync();
            await Host.DisposeAsync();
        }
    }
}
