using Bansos.EndToEnd.Tests.Support;
using static Bansos.EndToEnd.Tests.Support.EndToEndStack;

namespace Bansos.EndToEnd.Tests;

/// <summary>
/// The agent's terminal UI (Spectre.Console) in a real terminal driven by tmux, against the same
/// stack: the operator waits for the card, types the amount, the beneficiary types the PIN, and the
/// approval and the receipt are read off the screen.
/// </summary>
public sealed class InteractiveAgentTests(EndToEndStack stack)
{
    private const string Pin = "864213";
    private static readonly TimeSpan ScreenWithin = TimeSpan.FromSeconds(60);

    [Fact(Timeout = 240_000)]
    public async Task In_a_terminal_the_operator_types_the_amount_the_beneficiary_the_PIN_and_the_screen_shows_the_approval_and_receipt()
    {
        var ct = TestContext.Current.CancellationToken;
        await TmuxSession.RequireAsync();
        await stack.RequireAsync();
        await stack.StepsAsync(async step =>
        {
            step("enrolling an agent at the Air Petai posko, a household with a personalised card in the reader");
            var agent = await stack.AgentAtAsync(AirPetai, ct);
            var slamet = await stack.RegisterHouseholdAsync(AirPetai, "Slamet Riyadi", ct);
            await using var card = await stack.NewCardAsync("slamet", ct);
            await card.InsertAsync(ct);
            var personalised = await stack.PersonaliseAsync(slamet, Pin, ct);
            Assert.True(personalised.ExitCode == 0, personalised.ToString());

            step("starting bansos-agent pay --once in tmux");
            await using var terminal = await TmuxSession.StartAsync(Binaries.Agent, agent.InteractivePay(), stack.Environment(), stack.Logs);

            step("the card read: holder, entitlement, the amount prompt offering the balance");
            var screen = await terminal.WaitForAsync("Jumlah (Rp, paling banyak Rp 200.000)", ScreenWithin, ct);
            Assert.Contains("SLAMET RIYADI", screen);
            Assert.Contains(PeriodCode, screen);
            Assert.DoesNotContain(slamet.CardNumber, screen);               // masked on screen

            step("typing the amount, then the PIN");
            await terminal.TypeLineAsync("120000");
            await terminal.WaitForAsync("Penerima mengetik PIN", ScreenWithin, ct);
            await terminal.TypeLineAsync(Pin);

            step("reading the approval and the receipt off the screen");
            screen = await terminal.WaitForAsync("[exit ", ScreenWithin, ct);
            Assert.Contains("Pembayaran disetujui: Rp 120.000", screen);
            Assert.Contains("STRUK PENYALURAN BANSOS", screen);
            Assert.Contains(agent.PointName, screen);
            Assert.Matches(@"Rp 80\.000", screen);                            // the balance after, on the receipt
            Assert.Contains("[exit 0]", screen);
            Assert.DoesNotContain(Pin, screen);                               // the PIN is never echoed

            step("the payout in the period report (admin, through the gateway)");
            var periods = await stack.Admin.GetAsync("/api/v1/payout/periods", ct);
            var periodId = GatewayAdmin.Id(periods.GetProperty("periods").EnumerateArray().Single(p => p.GetProperty("code").GetString() == PeriodCode).GetProperty("periodId"));
            var report = await stack.Admin.GetAsync($"/api/v1/payout/reports/periods/{periodId}/villages", ct);
            var airPetai = report.GetProperty("villages").EnumerateArray().Single(v => v.GetProperty("villageCode").GetString() == AirPetai);
            Assert.Equal(120_000, GatewayAdmin.Number(airPetai, "amountPaid"));
            await card.RemoveAsync(ct);
        });
    }
}
