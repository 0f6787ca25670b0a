using Bansos.Card;
using Bansos.Complaint.Tests.Support;
using Bansos.Contracts;
using Bansos.Payout.Grpc;
using Bansos.Protos.Complaint.V1;
using Bansos.Protos.Payout.V1;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Dapper;
using MassTransit;

namespace Bansos.Complaint.Tests.Messaging;

/// <summary>
/// The whole way of a card-side refusal, with the payout and complaint services both running on the
/// real broker: the terminal reports a blocked PIN → a declined payout in the payout books → a
/// PayoutDeclined through the payout outbox → a ticket for the household in the complaint service.
/// </summary>
public sealed class CardRefusalFlowTests
{
    [Theory]
    [EveryDialect]
    public async Task A_blocked_PIN_seen_by_the_terminal_becomes_a_declined_payout_an_event_and_a_ticket(DbDialect dialect)
    {
        await RequiresServer.RabbitMqAsync();
        var broker = await ComplaintHost.BrokerAsync();
        var keys = Path.Combine(Path.GetTempPath(), "bansos-complaint-tests", Guid.NewGuid().ToString("N"));
        await using var payout = await ServiceHost<PayoutTerminalGrpcService>.StartAsync("payout", dialect,
        [
            .. TestMessaging.Settings(),
            new("ConnectionStrings:rabbitmq", broker),
            new("Bansos:Payout:EndpointPrefix", TestMessaging.UniqueServiceName("payout-for-complaint")),
            new("Bansos:Payout:IssuerKeyFile", Path.Combine(keys, "issuer.key")),
        ]);
        await using var complaint = await ComplaintHost.StartAsync(dialect, messaging: true);
        var payoutSaw = new ConsumedMessages();
        var complaintSaw = new ConsumedMessages();
        payout.Service<IBus>().ConnectConsumeObserver(payoutSaw);
        complaint.Host.Service<IBus>().ConnectConsumeObserver(complaintSaw);
        await using var registry = await TestPublisher.StartAsync(broker);

        // The registry announces a household of Urai and its card; both services project it.
        var household = Guid.NewGuid();
        var cardId = Guid.NewGuid();
        var payload = "99" + string.Concat(Enumerable.Range(0, 13).Select(_ => (char)('0' + Random.Shared.Next(10))));
        var card = CardNumber.Parse(payload + Luhn.ComputeCheckDigit(payload)).Digits;
        await registry.PublishAsync(new HouseholdRegistered(household, Pilot.Urai, HouseholdStatuses.Active, ["SEMBAKO"], 2, 4, 1, DateTimeOffset.UtcNow));
        await registry.PublishAsync(new CardIssued(cardId, card, household, null, 1, DateTimeOffset.UtcNow));
        await payoutSaw.WaitForAsync<CardIssued>(e => e.CardId == cardId);
        await payoutSaw.WaitForAsync<HouseholdRegistered>(e => e.HouseholdId == household);

        var points = new DistributionPointService.DistributionPointServiceClient(payout.Channel(Tokens.Admin()));
        var point = await points.CreateDistributionPointAsync(new() { Name = "Posko Urai", Kind = DistributionPointKind.Posko, VillageCode = Pilot.Urai });
        var terminalId = (await points.RegisterTerminalAsync(new() { PointId = point.PointId, Label = "Kasir 1" })).TerminalId;
        var terminal = new PayoutTerminalService.PayoutTerminalServiceClient(payout.Channel(Tokens.Terminal(terminalId)));

        var refusal = await terminal.RecordCardRefusalAsync(new() { CardNumber = card, Refusal = CardRefusal.PinBlocked, IdempotencyKey = "refusal-1" });

        Assert.Equal((DeclineReason.PinBlocked, false), (refusal.DeclineReason, refusal.Replayed));
        Assert.StartsWith("PIN terblokir", refusal.Message, StringComparison.Ordinal);
        await using (var connection = await payout.Service<IDatabase>().OpenConnectionAsync())
        {
            var booked = await connection.QuerySingleAsync<(string Result, string Reason, string Household, string Village)>(
                "SELECT result, decline_reason, CAST(household_id AS TEXT), village_code FROM payouts WHERE id = @id",
                new { id = Guid.Parse(refusal.PayoutId) });
            Assert.Equal(("DECLINED", "PIN_BLOCKED", household.ToString(), Pilot.Urai), booked);
        }

        await complaintSaw.WaitForAsync<PayoutDeclined>(e => e.PayoutId == Guid.Parse(refusal.PayoutId));
        var admin = complaint.Client(Tokens.Admin());
        var ticket = Assert.Single((await admin.ListComplaintsAsync(new() { HouseholdId = household.ToString() })).Complaints);
        Assert.Equal((ComplaintCategory.PinForgottenOrBlocked, Pilot.Urai, refusal.PayoutId), (ticket.Category, ticket.VillageCode, ticket.PayoutId));

        var settlement = await terminal.GetSettlementAsync(new());
        Assert.Equal(1, settlement.DeclinedCount);
        try
        {
            Directory.Delete(keys, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder; the OS cleans it
        }
    }
}
