using Bansos.Agent.Messages;
using Bansos.Agent.Receipts;
using Bansos.Agent.Session;
using Bansos.Agent.Storage;
using Bansos.Agent.Tests.Support;
using Bansos.Card;
using Bansos.Protos.Payout.V1;

namespace Bansos.Agent.Tests.Unit;

/// <summary>The payout session against the virtual card's applet in process and an in-memory payout service.</summary>
public sealed class PayoutSessionTests : IDisposable
{
    private static readonly CardNumber Number = CardNumber.Parse("9900170000000011");
    private readonly TempFolder data = new();
    private readonly FakeTerminalClient service = new() { Card = Number };
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    public void Dispose() => data.Dispose();

    private PayoutSession Session(Bansos.Agent.Cards.ICardReader reader, ScriptedFace face) =>
        new(reader, service, new PendingPayoutStore(data.Path), new ReceiptStore(data.Path), face, Language.Indonesian,
            new PayoutSessionOptions { PointName = "Posko Urai", RetryDelay = _ => TimeSpan.Zero, ReaderRetryDelay = TimeSpan.Zero });

    [Fact]
    public async Task Pays_the_remaining_balance_by_default_and_saves_the_receipt()
    {
        var face = new ScriptedFace([], ["123456"]);
        var outcome = await Session(FakeCardReader.WithCard(Number), face).PayOnceAsync(ct);

        Assert.Equal(OutcomeKind.Approved, outcome.Kind);
        Assert.Equal(200_000, outcome.Receipt!.Amount);
        Assert.Equal(0, outcome.Receipt.BalanceAfter);
        Assert.Equal("990017******0011", face.Card!.MaskedCard);
        var text = File.ReadAllText(outcome.ReceiptFile!);
        Assert.Contains("Rp 200.000", text);
        Assert.Contains("990017******0011", text);
        Assert.DoesNotContain("9900170000000011", text);
        Assert.Contains("01-12-2026 10:04:05 WIB", text);
        Assert.Contains("Posko Urai", text);
        Assert.Contains("A1B2C3", text);
        Assert.Null(new PendingPayoutStore(data.Path).Load());
    }

    [Fact]
    public async Task Pays_150_000_then_50_000_and_then_has_nothing_left()
    {
        var reader = FakeCardReader.WithCard(Number);
        var first = await Session(reader, new ScriptedFace([150_000], ["123456"])).PayOnceAsync(ct);
        var second = await Session(reader, new ScriptedFace([50_000], ["123456"])).PayOnceAsync(ct);
        var third = await Session(reader, new ScriptedFace([50_000], ["123456"])).PayOnceAsync(ct);

        Assert.Equal((OutcomeKind.Approved, 50_000L), (first.Kind, first.Receipt!.BalanceAfter));
        Assert.Equal((OutcomeKind.Approved, 0L), (second.Kind, second.Receipt!.BalanceAfter));
        Assert.Equal(OutcomeKind.Declined, third.Kind);
        // The refusal carries no balances: the reason's own words say the balance is used up.
        Assert.Equal((Msg.Declined, DeclineReason.NoOpenEntitlement), (third.Notice.Id, third.Reason));
        Assert.Contains("Saldo bantuan keluarga ini sudah habis", third.Notice.Render(Language.Indonesian));
        Assert.Contains("aid balance is used up", MessageCatalog.Decline(third.Reason!.Value).In(Language.English));
        Assert.Equal(2, service.Payouts);
    }

    [Fact]
    public async Task An_amount_above_the_balance_is_declined_before_the_PIN()
    {
        var face = new ScriptedFace([250_000], ["123456"]);
        var outcome = await Session(FakeCardReader.WithCard(Number), face).PayOnceAsync(ct);

        Assert.Equal(OutcomeKind.Declined, outcome.Kind);
        Assert.Equal(DeclineReason.InsufficientBalance, outcome.Reason);
        Assert.Equal("Jumlah Rp 250.000 melebihi sisa saldo Rp 200.000. Pembayaran ditolak; masukkan jumlah paling banyak Rp 200.000.",
            outcome.Notice.Render(Language.Indonesian));
        Assert.Empty(face.PinPromptsTriesLeft);
        Assert.Empty(service.AuthorizeCalls);
    }

    [Fact]
    public async Task A_wrong_PIN_shows_the_tries_left_and_the_right_one_pays()
    {
        var face = new ScriptedFace([100_000], ["000000", "123456"]);
        var outcome = await Session(FakeCardReader.WithCard(Number), face).PayOnceAsync(ct);

        Assert.Equal(OutcomeKind.Approved, outcome.Kind);
        Assert.Equal([3, 2], face.PinPromptsTriesLeft);
        var wrong = Assert.Single(face.Notices, n => n.Id == Msg.WrongPin);
        Assert.Equal("PIN salah, sisa 2 kali percobaan. Minta penerima mengetik PIN lagi dengan teliti.", wrong.Render(Language.Indonesian));
    }

    [Fact]
    public async Task Three_wrong_PINs_block_the_PIN_and_report_the_refusal()
    {
        var reader = FakeCardReader.WithCard(Number);
        var outcome = await Session(reader, new ScriptedFace([], ["000000", "111111", "222222"])).PayOnceAsync(ct);

        Assert.Equal(OutcomeKind.CardRefused, outcome.Kind);
        Assert.Equal(DeclineReason.PinBlocked, outcome.Reason);
        Assert.Equal("PIN terblokir. Arahkan penerima ke posko untuk membuka blokir.", outcome.Notice.Render(Language.Indonesian));
        var refusal = Assert.Single(service.Refusals);
        Assert.Equal((CardRefusal.PinBlocked, Number.Digits), (refusal.Refusal, refusal.CardNumber));
        Assert.True(outcome.RefusalRecorded);
        Assert.Empty(service.AuthorizeCalls);

        // The next session sees 0 tries in the FCI and refuses without a VERIFY.
        reader.Instructions.Clear();
        var again = await Session(reader, new ScriptedFace([], ["123456"])).PayOnceAsync(ct);
        Assert.Equal(DeclineReason.PinBlocked, again.Reason);
        Assert.DoesNotContain((byte)0x20, reader.Instructions);
    }

    [Fact]
    public async Task A_refusal_the_service_cannot_record_yet_is_said_plainly()
    {
        service.RefusalsUnimplemented = true;
        var outcome = await Session(FakeCardReader.WithCard(Number), new ScriptedFace([], ["000000", "111111", "222222"])).PayOnceAsync(ct);

        Assert.Equal(OutcomeKind.CardRefused, outcome.Kind);
        Assert.False(outcome.RefusalRecorded);
        Assert.Equal(Msg.RefusalNotAvailable, outcome.Note!.Id);
        Assert.Single(service.Refusals); // not retried: the method does not exist yet
    }

    [Fact]
    public async Task Another_card_is_refused_as_not_a_Bansos_card()
    {
        var applet = Bansos.VirtualCard.Applet.AidCardApplet.InMemory();
        var reader = new FakeCardReader(applet);
        // A card whose SELECT of the Bansos AID answers 6A82: the applet deselects itself for any other AID,
        // so route SELECT through a wrapper that renames the AID.
        var outcome = await Session(new OtherAidReader(reader), new ScriptedFace([], [])).PayOnceAsync(ct);

        Assert.Equal(OutcomeKind.CardRefused, outcome.Kind);
        Assert.Equal(DeclineReason.NotBansosCard, outcome.Reason);
        var refusal = Assert.Single(service.Refusals);
        Assert.Equal((CardRefusal.NotBansosCard, ""), (refusal.Refusal, refusal.CardNumber));
    }

    [Theory]
    [InlineData(1)] // after SELECT
    [InlineData(2)] // after VERIFY
    public async Task A_card_pulled_before_the_payout_is_sent_pays_nothing(int commandsBeforePull)
    {
        var reader = FakeCardReader.WithCard(Number);
        reader.PullAfter = commandsBeforePull;
        var outcome = await Session(reader, new ScriptedFace([], ["123456"])).PayOnceAsync(ct);

        Assert.Equal(OutcomeKind.NothingPaid, outcome.Kind);
        Assert.Equal("Kartu dicabut sebelum pembayaran dikirim. Tidak ada uang yang dibayarkan; masukkan kartu lagi untuk mengulang.",
            outcome.Notice.Render(Language.Indonesian));
        Assert.Empty(service.AuthorizeCalls);
        Assert.Null(new PendingPayoutStore(data.Path).Load());
    }

    [Fact]
    public async Task An_unreachable_gateway_is_retried_with_the_same_key_and_pays_once()
    {
        service.FailBeforeProcessing = 2;
        var face = new ScriptedFace([], ["123456"]);
        var outcome = await Session(FakeCardReader.WithCard(Number), face).PayOnceAsync(ct);

        Assert.Equal(OutcomeKind.Approved, outcome.Kind);
        Assert.Equal(3, service.AuthorizeCalls.Count);
        Assert.Single(service.AuthorizeCalls.Select(c => c.IdempotencyKey).Distinct());
        Assert.Equal(1, service.Payouts);
        Assert.Equal(2, face.Notices.Count(n => n.Id == Msg.GatewayUnreachableRetrying));
    }

    [Fact]
    public async Task A_lost_answer_is_asked_again_and_the_payout_is_made_once()
    {
        service.LoseAnswers = 1;
        var outcome = await Session(FakeCardReader.WithCard(Number), new ScriptedFace([120_000], ["123456"])).PayOnceAsync(ct);

        Assert.Equal(OutcomeKind.Approved, outcome.Kind);
        Assert.Equal(80_000, outcome.Receipt!.BalanceAfter);
        Assert.Equal(1, service.Payouts);
        Assert.Equal(80_000, service.Balance);
    }

    [Fact]
    public async Task A_payout_left_unanswered_is_kept_and_answered_at_the_next_start_with_its_key()
    {
        service.FailBeforeProcessing = int.MaxValue;
        using var stop = new CancellationTokenSource();
        var face = new ScriptedFace([], ["123456"]);
        var reader = FakeCardReader.WithCard(Number);
        var session = Session(reader, face);
        // The operator stops after the third failed send.
        var stopping = Task.Run(async () =>
        {
            while (service.AuthorizeCalls.Count < 3) await Task.Delay(5, ct);
            await stop.CancelAsync();
        }, ct);
        var outcome = await session.PayOnceAsync(stop.Token);
        await stopping;

        Assert.Equal(OutcomeKind.Unanswered, outcome.Kind);
        var kept = new PendingPayoutStore(data.Path).Load();
        Assert.NotNull(kept);
        Assert.Equal(0, service.Payouts);

        service.FailBeforeProcessing = 0;
        var resolved = await Session(reader, new ScriptedFace([], [])).ResolvePendingAsync(ct);
        Assert.Equal(OutcomeKind.Approved, resolved!.Kind);
        Assert.Equal(kept.IdempotencyKey, service.AuthorizeCalls[^1].IdempotencyKey);
        Assert.Equal(1, service.Payouts);
        Assert.Null(new PendingPayoutStore(data.Path).Load());
        Assert.Null(await Session(reader, new ScriptedFace([], [])).ResolvePendingAsync(ct));
    }

    [Fact]
    public async Task No_PIN_entered_cancels_and_pays_nothing()
    {
        var outcome = await Session(FakeCardReader.WithCard(Number), new ScriptedFace([], [])).PayOnceAsync(ct);

        Assert.Equal(OutcomeKind.NothingPaid, outcome.Kind);
        Assert.Equal(Msg.PinNotEntered, outcome.Notice.Id);
        Assert.Empty(service.AuthorizeCalls);
    }

    /// <summary>Answers every SELECT with 6A82, as a card without the Bansos application does.</summary>
    private sealed class OtherAidReader(FakeCardReader inner) : Bansos.Agent.Cards.ICardReader
    {
        public string Name => inner.Name;
        public Task WaitForCardAsync(CancellationToken cancellationToken) => inner.WaitForCardAsync(cancellationToken);
        public Task WaitForRemovalAsync(CancellationToken cancellationToken) => inner.WaitForRemovalAsync(cancellationToken);
        public bool IsCardPresent() => inner.IsCardPresent();
        public bool CheckCardPresent() => inner.CheckCardPresent();
        public Bansos.Agent.Cards.ICardConnection Connect() => new Connection(inner.Connect());

        private sealed class Connection(Bansos.Agent.Cards.ICardConnection card) : Bansos.Agent.Cards.ICardConnection
        {
            public byte[] Transmit(ReadOnlySpan<byte> command) => command[1] == 0xA4 ? [0x6A, 0x82] : card.Transmit(command);
            public IDisposable BeginTransaction() => card.BeginTransaction();
            public void Dispose() => card.Dispose();
        }
    }
}
