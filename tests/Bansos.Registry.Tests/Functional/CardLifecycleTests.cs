using System.Net;
using System.Net.Http.Json;
using Bansos.Protos.Registry.V1;
using Bansos.Registry.Tests.Support;
using Bansos.ServiceDefaults.Audit;
using Grpc.Core;

namespace Bansos.Registry.Tests.Functional;

/// <summary>
/// The aid-card lifecycle (docs/architecture.md §3): one live card per household; block/unblock; lost is for ever;
/// a replacement takes over and the old card is dead at once. Every change is history, audit and an
/// outbox event; every refusal changes nothing. Each test works on its own pilot household.
/// </summary>
[Collection(RegistryHostCollection.Name)]
public sealed class CardLifecycleTests(PilotRegistry registry) : IClassFixture<PilotRegistry>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CardService.CardServiceClient Admin => registry.AsAdmin.Cards;

    [Fact]
    public async Task Issuing_to_a_household_with_a_live_card_is_FailedPrecondition()
    {
        var (id, number) = await HouseholdAsync(20);
        var before = await registry.StateAsync();

        var error = await Errors.FailsAsync(StatusCode.FailedPrecondition, () =>
            Admin.IssueCardAsync(new IssueCardRequest { HouseholdId = id }, cancellationToken: Ct).ResponseAsync);
        await Admin.BlockCardAsync(new CardActionRequest { CardNumber = number }, cancellationToken: Ct);
        var whileBlocked = await Errors.FailsAsync(StatusCode.FailedPrecondition, () =>
            Admin.IssueCardAsync(new IssueCardRequest { HouseholdId = id }, cancellationToken: Ct).ResponseAsync);

        Errors.Violation(error, "household_id");
        Errors.Violation(whileBlocked, "household_id");
        Assert.Equal(before.Cards, (await registry.StateAsync()).Cards);
    }

    [Fact]
    public async Task Block_and_unblock_change_the_status_with_history_audit_and_versioned_events()
    {
        var (id, number) = await HouseholdAsync(21);
        var events = await registry.OutboxCountAsync("CardStatusChanged");

        var blocked = await Admin.BlockCardAsync(new CardActionRequest { CardNumber = number, Reason = "Diselidiki" }, cancellationToken: Ct);
        var blockedAgain = await registry.AsOperator.Cards.BlockCardAsync(new CardActionRequest { CardNumber = number }, cancellationToken: Ct);
        var unblocked = await Admin.UnblockCardAsync(new CardActionRequest { CardNumber = number, Reason = "Selesai" }, cancellationToken: Ct);

        Assert.Equal("BLOCKED", blocked.Status);
        Assert.Equal("BLOCKED", blockedAgain.Status);
        Assert.Equal("ACTIVE", unblocked.Status);
        Assert.Equal(number, unblocked.CardNumber);
        Assert.Equal(events + 2, await registry.OutboxCountAsync("CardStatusChanged")); // blocking a blocked card is no change
        var versions = await registry.QueryAsync<string>(
            "SELECT body FROM outbox_messages WHERE message_type LIKE '%.CardStatusChanged,%' AND body LIKE @number ORDER BY id", new { number = $"%{number}%" });
        Assert.Equal(["BLOCKED:2", "ACTIVE:3"], versions.Select(Versioned));
        var household = await registry.AsAdmin.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = id }, cancellationToken: Ct);
        Assert.Equal(["CARD_BLOCKED", "CARD_UNBLOCKED"], household.History.Where(h => h.Action.StartsWith("CARD_", StringComparison.Ordinal) && h.Action != "CARD_ISSUED").Select(h => h.Action));
        var audit = await registry.Service<IAuditTrail>().ListAsync("aid_card", number, Ct);
        Assert.Equal(["BLOCK_CARD", "UNBLOCK_CARD"], audit.Select(a => a.Action));
        Assert.Equal(["admin-test", "admin-test"], audit.Select(a => a.Actor));
        Assert.Contains("\"BLOCKED\"", audit[0].AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lost_card_stays_lost()
    {
        var (_, number) = await HouseholdAsync(22);

        var lost = await registry.AsOperator.Cards.ReportCardLostAsync(new CardActionRequest { CardNumber = number, Reason = "Hilang di pasar" }, cancellationToken: Ct);
        var before = await registry.StateAsync();
        var unblock = await Errors.FailsAsync(StatusCode.FailedPrecondition, () =>
            Admin.UnblockCardAsync(new CardActionRequest { CardNumber = number }, cancellationToken: Ct).ResponseAsync);
        await Errors.FailsAsync(StatusCode.FailedPrecondition, () =>
            Admin.BlockCardAsync(new CardActionRequest { CardNumber = number }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal("LOST", lost.Status);
        Errors.Violation(unblock, "status");
        Assert.Equal(before, await registry.StateAsync());
        Assert.Equal("LOST", (await Admin.GetCardAsync(new GetCardRequest { CardNumber = number }, cancellationToken: Ct)).Card.Status);
    }

    [Fact]
    public async Task Replace_retires_the_old_card_and_the_new_one_takes_over()
    {
        var (id, number) = await HouseholdAsync(23);
        var issuedEvents = await registry.OutboxCountAsync("CardIssued");

        var replacement = await Admin.ReplaceCardAsync(new CardActionRequest { CardNumber = number, Reason = "Kartu rusak" }, cancellationToken: Ct);
        var old = await Admin.GetCardAsync(new GetCardRequest { CardNumber = number }, cancellationToken: Ct);

        Assert.Equal("ACTIVE", replacement.Status);
        Assert.NotEqual(number, replacement.CardNumber);
        Assert.True(Bansos.Registry.Domain.Luhn.IsValid(replacement.CardNumber));
        Assert.Equal("REPLACED", old.Card.Status);
        Assert.Equal(replacement.CardId, old.Card.ReplacedByCardId);
        Assert.Equal(issuedEvents + 1, await registry.OutboxCountAsync("CardIssued"));

        // The old card is dead everywhere: no unblock, no block, no second replacement.
        var before = await registry.StateAsync();
        await Errors.FailsAsync(StatusCode.FailedPrecondition, () => Admin.UnblockCardAsync(new CardActionRequest { CardNumber = number }, cancellationToken: Ct).ResponseAsync);
        await Errors.FailsAsync(StatusCode.FailedPrecondition, () => Admin.BlockCardAsync(new CardActionRequest { CardNumber = number }, cancellationToken: Ct).ResponseAsync);
        await Errors.FailsAsync(StatusCode.FailedPrecondition, () => Admin.ReplaceCardAsync(new CardActionRequest { CardNumber = number }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(before, await registry.StateAsync());

        var household = await registry.AsAdmin.Households.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = id }, cancellationToken: Ct);
        Assert.Equal([(number, "REPLACED"), (replacement.CardNumber, "ACTIVE")], household.Cards.Select(c => (c.CardNumber, c.Status)));
        Assert.Contains(household.History, h => h.Action == "CARD_REPLACED");
        var audit = await registry.Service<IAuditTrail>().ListAsync("aid_card", replacement.CardNumber, Ct);
        Assert.Equal("REPLACE_CARD", Assert.Single(audit).Action);
    }

    [Fact]
    public async Task A_lost_card_is_replaced_and_stays_lost()
    {
        var (_, number) = await HouseholdAsync(24);
        await registry.AsOperator.Cards.ReportCardLostAsync(new CardActionRequest { CardNumber = number }, cancellationToken: Ct);

        var replacement = await Admin.ReplaceCardAsync(new CardActionRequest { CardNumber = number, Reason = "Pengganti kartu hilang" }, cancellationToken: Ct);
        var old = await Admin.GetCardAsync(new GetCardRequest { CardNumber = number }, cancellationToken: Ct);

        Assert.Equal("ACTIVE", replacement.Status);
        Assert.Equal("LOST", old.Card.Status);
        Assert.Equal(replacement.CardId, old.Card.ReplacedByCardId);
        await Errors.FailsAsync(StatusCode.FailedPrecondition, () => Admin.ReplaceCardAsync(new CardActionRequest { CardNumber = number }, cancellationToken: Ct).ResponseAsync);
    }

    [Fact]
    public async Task After_a_loss_a_new_card_can_be_issued_but_only_one()
    {
        var (id, number) = await HouseholdAsync(25);
        await Admin.ReportCardLostAsync(new CardActionRequest { CardNumber = number }, cancellationToken: Ct);

        var issued = await Admin.IssueCardAsync(new IssueCardRequest { HouseholdId = id }, cancellationToken: Ct);
        await Errors.FailsAsync(StatusCode.FailedPrecondition, () => Admin.IssueCardAsync(new IssueCardRequest { HouseholdId = id }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal("ACTIVE", issued.Status);
        Assert.Equal(1, await registry.ScalarAsync(
            "SELECT COUNT(*) FROM aid_cards WHERE household_id = @household AND status IN ('ACTIVE', 'BLOCKED')", new { household = Guid.Parse(id) }));
    }

    [Fact]
    public async Task No_card_is_issued_to_a_suspended_household()
    {
        var (id, number) = await HouseholdAsync(26);
        await Admin.ReportCardLostAsync(new CardActionRequest { CardNumber = number }, cancellationToken: Ct);
        await registry.AsAdmin.Households.ChangeHouseholdStatusAsync(
            new ChangeHouseholdStatusRequest { HouseholdId = id, Status = HouseholdStatus.Suspended }, cancellationToken: Ct);
        var before = await registry.StateAsync();

        var error = await Errors.FailsAsync(StatusCode.FailedPrecondition, () => Admin.IssueCardAsync(new IssueCardRequest { HouseholdId = id }, cancellationToken: Ct).ResponseAsync);

        Errors.Violation(error, "household_id");
        Assert.Equal(before, await registry.StateAsync());
    }

    [Fact]
    public async Task The_lifecycle_over_REST()
    {
        var (id, number) = await HouseholdAsync(27);
        using var http = registry.Rest(registry.AdminToken);

        var blocked = await Errors.ProtoAsync<AidCardInfo>(await http.PostAsJsonAsync($"/api/v1/registry/cards/{number}/block", new { reason = "Uji" }, Ct));
        var unblocked = await Errors.ProtoAsync<AidCardInfo>(await http.PostAsJsonAsync($"/api/v1/registry/cards/{number}/unblock", new { }, Ct));
        var lost = await Errors.ProtoAsync<AidCardInfo>(await http.PostAsJsonAsync($"/api/v1/registry/cards/{number}/lost", new { }, Ct));
        var replacement = await Errors.ProtoAsync<AidCardInfo>(await http.PostAsJsonAsync($"/api/v1/registry/cards/{number}/replace", new { reason = "Ganti" }, Ct));
        var card = await Errors.ProtoAsync<CardDetails>(await http.GetAsync($"/api/v1/registry/cards/{number}", Ct));
        var issueAgain = await http.PostAsJsonAsync($"/api/v1/registry/households/{id}/cards", new { }, Ct);

        Assert.Equal(["BLOCKED", "ACTIVE", "LOST", "ACTIVE"], new[] { blocked, unblocked, lost, replacement }.Select(c => c.Status));
        Assert.Equal(replacement.CardId, card.Card.ReplacedByCardId);
        Assert.Equal(id, card.HouseholdId);
        Assert.Equal(HttpStatusCode.BadRequest, issueAgain.StatusCode); // JSON transcoding maps FailedPrecondition to 400
        Errors.RestViolation(await Errors.JsonAsync(issueAgain), "household_id");
    }

    [Theory]
    [InlineData("123")]
    [InlineData("990017000000001X")]
    [InlineData("9900170000000012")] // wrong Luhn check digit
    public async Task A_malformed_card_number_is_InvalidArgument(string number)
    {
        var error = await Errors.FailsAsync(StatusCode.InvalidArgument, () =>
            Admin.BlockCardAsync(new CardActionRequest { CardNumber = number }, cancellationToken: Ct).ResponseAsync);

        Errors.Violation(error, "card_number");
    }

    [Fact]
    public async Task An_unknown_card_is_NotFound()
    {
        // Valid Luhn, never issued here.
        await Errors.FailsAsync(StatusCode.NotFound, () =>
            Admin.BlockCardAsync(new CardActionRequest { CardNumber = "9900170000000011" }, cancellationToken: Ct).ResponseAsync);
        await Errors.FailsAsync(StatusCode.NotFound, () =>
            Admin.GetCardAsync(new GetCardRequest { CardNumber = "9900170000000011" }, cancellationToken: Ct).ResponseAsync);
        await Errors.FailsAsync(StatusCode.NotFound, () =>
            Admin.IssueCardAsync(new IssueCardRequest { HouseholdId = Guid.NewGuid().ToString() }, cancellationToken: Ct).ResponseAsync);
    }

    private async Task<(string Id, string Number)> HouseholdAsync(int index)
    {
        var id = await registry.HouseholdIdAsync(PilotRow.Heads[index].Kk);
        var number = (await registry.QueryAsync<string>("SELECT card_number FROM aid_cards WHERE household_id = @id", new { id })).Single();
        return (id.ToString(), number);
    }

    private static string Versioned(string body)
    {
        using var json = System.Text.Json.JsonDocument.Parse(body);
        var root = json.RootElement;
        string Get(string name) => root.EnumerateObject().First(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value.ToString();
        return $"{Get("Status")}:{Get("Version")}";
    }
}
