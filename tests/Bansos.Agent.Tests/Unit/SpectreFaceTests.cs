using Bansos.Agent.Messages;
using Bansos.Agent.Receipts;
using Bansos.Agent.Session;
using Bansos.Agent.Storage;
using Bansos.Agent.Tests.Support;
using Bansos.Agent.Ui;
using Bansos.Card;
using Spectre.Console.Testing;

namespace Bansos.Agent.Tests.Unit;

/// <summary>The terminal UI on Spectre.Console.Testing's TestConsole, over the in-process card and service.</summary>
public sealed class SpectreFaceTests : IDisposable
{
    private static readonly CardNumber Number = CardNumber.Parse("9900170000000011");
    private readonly TempFolder data = new();

    public void Dispose() => data.Dispose();

    private Task<(PayoutOutcome Outcome, string Screen)> PayAsync(Language language, bool training, params string[] typed) =>
        PayAsync(language, training, training, typed);

    private async Task<(PayoutOutcome Outcome, string Screen)> PayAsync(Language language, bool training, bool trainingPeriod, params string[] typed)
    {
        var console = new TestConsole().Interactive().Width(100);
        foreach (var line in typed) console.Input.PushTextWithEnter(line);
        var face = new SpectreFace(console, language, training);
        var session = new PayoutSession(FakeCardReader.WithCard(Number), new FakeTerminalClient { Card = Number, Training = trainingPeriod }, new PendingPayoutStore(data.Path),
            new ReceiptStore(data.Path), face, language, new PayoutSessionOptions { PointName = "Posko Urai", Training = training });
        var outcome = await session.PayOnceAsync(TestContext.Current.CancellationToken);
        face.ShowOutcome(outcome);
        return (outcome, console.Output);
    }

    [Fact]
    public async Task Shows_the_card_offers_the_balance_hides_the_PIN_and_prints_the_receipt()
    {
        var (outcome, screen) = await PayAsync(Language.Indonesian, false, "", "123456");

        Assert.Equal(OutcomeKind.Approved, outcome.Kind);
        Assert.Contains("990017******0011", screen);
        Assert.Contains("SITI AMINAH", screen);
        Assert.Contains("SEMBAKO-2021-11", screen);
        Assert.Contains("Jumlah (Rp, paling banyak Rp 200.000)", screen);
        Assert.Contains("STRUK PENYALURAN BANSOS", screen);
        Assert.Contains("Pembayaran disetujui: Rp 200.000. Kode persetujuan A1B2C3.", screen);
        Assert.DoesNotContain("123456", screen);
        Assert.DoesNotContain("9900170000000011", screen);
        Assert.DoesNotContain("MODE PELATIHAN", screen);
    }

    [Fact]
    public async Task An_amount_above_the_balance_is_asked_again()
    {
        var (outcome, screen) = await PayAsync(Language.Indonesian, false, "250.000", "50.000", "123456");

        Assert.Equal(50_000, outcome.Receipt!.Amount);
        Assert.Contains("Jumlah Rp 250.000 melebihi sisa saldo Rp 200.000", screen);
    }

    [Fact]
    public async Task Speaks_English_on_request_and_shows_the_training_banner()
    {
        var (_, screen) = await PayAsync(Language.English, true, "", "000000", "123456");

        Assert.Contains("TRAINING MODE", screen);
        Assert.Contains("Wrong PIN, 2 tries left", screen);
        Assert.Contains("Payout approved: Rp 200.000", screen);
        Assert.Contains("AID PAYOUT RECEIPT", screen);
    }

    [Fact]
    public async Task A_training_installation_marks_the_training_period_and_shows_the_banner_on_the_card_and_the_receipt()
    {
        var (outcome, screen) = await PayAsync(Language.Indonesian, true, "", "123456");

        Assert.Equal(OutcomeKind.Approved, outcome.Kind);
        Assert.True(outcome.Receipt!.Training);
        Assert.Contains("SEMBAKO-2021-11 (pelatihan)", screen);
        // The banner heads the card screen and the receipt says it again.
        Assert.True(screen.Split("MODE PELATIHAN — tidak ada uang sungguhan").Length >= 3, screen);
    }

    [Fact]
    public async Task A_training_installation_pays_nothing_from_a_real_period_and_a_real_one_nothing_from_a_training_period()
    {
        var (atTraining, trainingScreen) = await PayAsync(Language.Indonesian, true, false);
        var (atReal, realScreen) = await PayAsync(Language.Indonesian, false, true);

        Assert.Equal((OutcomeKind.Declined, Msg.NoTrainingEntitlement), (atTraining.Kind, atTraining.Notice.Id));
        Assert.Contains("Agen ini dalam mode pelatihan", trainingScreen);
        Assert.Equal((OutcomeKind.Declined, Msg.TrainingEntitlementOnly), (atReal.Kind, atReal.Notice.Id));
        Assert.Contains("Kartu ini hanya punya hak bantuan pelatihan", realScreen);
        Assert.DoesNotContain("MODE PELATIHAN", realScreen);
    }
}
