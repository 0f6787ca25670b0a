using System.Globalization;
using System.Text.Json;
using Bansos.EndToEnd.Tests.Support;
using static Bansos.EndToEnd.Tests.Support.EndToEndStack;

namespace Bansos.EndToEnd.Tests;

/// <summary>
/// The pilot's whole journey through real processes: a terminal enrolled with a one-time code, aid
/// cards personalised through the gateway and inserted into pcscd's virtual reader, the agent
/// (<c>bansos-agent pay --json</c>) paying and being declined, a blocked PIN turning into a ticket
/// in the household's village, and the admin's REST view of all of it.
/// </summary>
public sealed class PayoutJourneyTests(EndToEndStack stack)
{
    private const string Pin = "246810";

    [Fact(Timeout = 240_000)]
    public async Task A_household_draws_150_000_then_50_000_of_200_000_and_a_blocked_PIN_opens_a_ticket_in_its_village()
    {
        var ct = TestContext.Current.CancellationToken;
        await stack.RequireAsync();
        await stack.StepsAsync(async step =>
        {
            step("enrolling an agent at the Giri Kencana posko");
            var agent = await stack.AgentAtAsync(GiriKencana, ct);

            step("importing two households through the gateway, each issued an aid card");
            var budi = await stack.RegisterHouseholdAsync(GiriKencana, "Budi Santoso", ct);
            var hasan = await stack.RegisterHouseholdAsync(Urai, "Hasan Basri", ct);

            step("personalising Budi's card through the gateway, in the virtual reader");
            var budiCard = await stack.NewCardAsync("budi", ct);
            await budiCard.InsertAsync(ct);
            var personalised = await stack.PersonaliseAsync(budi, Pin, ct);
            Assert.True(personalised.ExitCode == 0, personalised.ToString());
            Assert.Contains("dipersonalisasi dan dikunci", personalised.Output);

            step("paying Rp 150 000");
            var first = await agent.PayAsync(Pin + "\n", ct, "--amount", "150.000");
            Assert.True(first.ExitCode == 0, first.ToString());
            Assert.Equal("approved", first.Json.GetProperty("outcome").GetString());
            Assert.Equal(150_000, first.Json.GetProperty("amount").GetInt64());
            Assert.Equal(50_000, first.Json.GetProperty("balanceAfter").GetInt64());
            var receipt = await File.ReadAllTextAsync(first.Json.GetProperty("receiptFile").GetString()!, ct);
            Assert.Contains("Rp 150.000", receipt);
            Assert.Contains(agent.PointName, receipt);
            Assert.Contains(" WIB", receipt);
            Assert.DoesNotContain(budi.CardNumber, receipt);            // the card number only masked

            step("asking Rp 100 000 of the Rp 50 000 left");
            var tooMuch = await agent.PayAsync(Pin + "\n", ct, "--amount", "100000");
            Assert.True(tooMuch.ExitCode == 3, tooMuch.ToString());
            Assert.Equal("INSUFFICIENT_BALANCE", tooMuch.Json.GetProperty("declineReason").GetString());
            Assert.False(tooMuch.Json.GetProperty("paid").GetBoolean());

            step("paying Rp 50 000");
            var second = await agent.PayAsync(Pin + "\n", ct, "--amount", "50000");
            Assert.True(second.ExitCode == 0, second.ToString());
            Assert.Equal(0, second.Json.GetProperty("balanceAfter").GetInt64());

            step("a third payout of the used-up entitlement");
            var third = await agent.PayAsync(Pin + "\n", ct);
            Assert.True(third.ExitCode == 3, third.ToString());
            Assert.Equal("declined", third.Json.GetProperty("outcome").GetString());
            Assert.Equal("NO_OPEN_ENTITLEMENT", third.Json.GetProperty("declineReason").GetString());
            Assert.False(third.Json.GetProperty("paid").GetBoolean());
            await budiCard.RemoveAsync(ct);

            step("three wrong PINs on Hasan's card");
            var hasanCard = await stack.NewCardAsync("hasan", ct);
            await hasanCard.InsertAsync(ct);
            var hasanPersonalised = await stack.PersonaliseAsync(hasan, "135790", ct);
            Assert.True(hasanPersonalised.ExitCode == 0, hasanPersonalised.ToString());
            var blocked = await agent.PayAsync("000000\n111111\n222222\n", ct);
            Assert.True(blocked.ExitCode == 4, blocked.ToString());
            Assert.Equal("PIN_BLOCKED", blocked.Json.GetProperty("declineReason").GetString());
            Assert.Equal("PIN terblokir. Arahkan penerima ke posko untuk membuka blokir.", blocked.Json.GetProperty("message").GetString());
            Assert.True(blocked.Json.GetProperty("refusalRecorded").GetBoolean(), blocked.ToString());
            var shown = await hasanCard.ShowAsync(ct);
            Assert.Matches(@"Sisa coba PIN \(PIN tries\):\s+0", shown.Output);
            Assert.Contains($"{hasan.CardNumber[..6]}******{hasan.CardNumber[12..]}", shown.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(hasan.CardNumber, shown.Output, StringComparison.Ordinal);
            await hasanCard.RemoveAsync(ct);

            step("the ticket opened in Hasan's village (Urai), seen through the gateway");
            var ticket = await EventuallyAsync<JsonElement>(async () =>
                (await stack.Admin.GetAsync($"/api/v1/complaint/complaints?villageCode={Urai}", ct)).GetProperty("complaints").EnumerateArray()
                    .Where(c => c.GetProperty("householdId").GetString() == hasan.Id).Select(c => (JsonElement?)c).FirstOrDefault(),
                TimeSpan.FromSeconds(60), "a complaint ticket for Hasan's household in Urai", ct);
            Assert.Equal(Urai, ticket.GetProperty("villageCode").GetString());
            Assert.Equal("COMPLAINT_CATEGORY_PIN_FORGOTTEN_OR_BLOCKED", ticket.GetProperty("category").GetString());
            Assert.Equal("COMPLAINT_CHANNEL_AUTOMATIC", ticket.GetProperty("channel").GetString());
            Assert.Equal("COMPLAINT_STATUS_RECEIVED", ticket.GetProperty("status").GetString());
            Assert.StartsWith("ADU-", ticket.GetProperty("number").GetString());
            var noTicketForBudi = await stack.Admin.GetAsync($"/api/v1/complaint/complaints?householdId={budi.Id}", ct);
            Assert.Empty(noTicketForBudi.GetProperty("complaints").EnumerateArray());

            step("the period report: both payouts in Giri Kencana, nothing drawn in Urai");
            var periods = await stack.Admin.GetAsync("/api/v1/payout/periods", ct);
            var period = periods.GetProperty("periods").EnumerateArray().Single(p => p.GetProperty("code").GetString() == PeriodCode);
            Assert.Equal(200_000, GatewayAdmin.Number(period, "amountPerHousehold"));
            var report = await stack.Admin.GetAsync($"/api/v1/payout/reports/periods/{GatewayAdmin.Id(period.GetProperty("periodId"))}/villages", ct);
            var villages = report.GetProperty("villages").EnumerateArray().ToDictionary(v => v.GetProperty("villageCode").GetString()!);
            Assert.Equal(200_000, GatewayAdmin.Number(villages[GiriKencana], "amountPaid"));
            Assert.Equal(1, GatewayAdmin.Number(villages[GiriKencana], "fullyPaidHouseholds"));
            Assert.Equal(0, GatewayAdmin.Number(villages[GiriKencana], "amountLeft"));
            Assert.Equal(1, GatewayAdmin.Number(villages[Urai], "entitledHouseholds"));
            Assert.Equal(0, GatewayAdmin.Number(villages[Urai], "amountPaid"));

            step("the admin REST facade: the household with its card");
            var household = await stack.Admin.GetAsync($"/api/v1/registry/households/{budi.Id}", ct);
            Assert.Equal(GiriKencana, household.GetProperty("address").GetProperty("villageCode").GetString());
            Assert.Contains(household.GetProperty("members").EnumerateArray(), m => m.ToString().Contains(budi.HeadName, StringComparison.Ordinal));
            Assert.Contains(household.GetProperty("cards").EnumerateArray(), c => c.GetProperty("cardNumber").GetString() == budi.CardNumber);

            step("the admin REST facade: the posko's day with the two payouts and the refusal");
            var day = DateOnly.ParseExact(first.Json.GetProperty("time").GetString()![..10], "dd-MM-yyyy", CultureInfo.InvariantCulture);
            var pointDay = await stack.Admin.GetAsync($"/api/v1/payout/reports/points/{agent.PointId}/days/{day:yyyy-MM-dd}", ct);
            var terminal = pointDay.GetProperty("terminals").EnumerateArray().Single(t => GatewayAdmin.Id(t.GetProperty("terminalId")) == agent.TerminalId);
            Assert.Equal(2, GatewayAdmin.Number(terminal, "approvedCount"));
            Assert.Equal(200_000, GatewayAdmin.Number(terminal, "approvedAmount"));
            Assert.True(GatewayAdmin.Number(terminal, "declinedCount") >= 1, $"the PIN_BLOCKED refusal is not among the day's declines: {terminal}");
        });
    }
}
