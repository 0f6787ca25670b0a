using Bansos.Card;
using Bansos.Card.Crypto;
using Bansos.PcSc;
using Bansos.SmartCard.Tests.Support;
using Bansos.VirtualCard.Vpcd;

namespace Bansos.SmartCard.Tests.Stack;

/// <summary>Readers, insertion and removal, as pcscd reports them.</summary>
public sealed class ReaderTests
{
    [Fact(Timeout = 60_000)]
    public async Task Card_pulled_out_during_GENERATE_CRYPTOGRAM_is_a_CardRemovedException()
    {
        using var folder = TestCards.NewFolder();
        // The card leaves the reader the moment it receives GENERATE CRYPTOGRAM, before it answers.
        await using var inserted = await InsertedCard.InsertAsync(0, folder.File("card.json"), TestContext.Current.CancellationToken,
            (card, self) => new PullOutOn(card, self.Host, ins: 0xAE));
        using var context = PcScContext.Establish();
        using var card = context.Connect(inserted.Reader);
        var client = new AidCardClient(card);
        client.Select();
        client.Personalise(TestCards.Data());
        client.Select();
        Assert.True(client.Verify(TestCards.Pin).IsSuccess);

        var exception = Assert.Throws<CardRemovedException>(() => client.GenerateCryptogram(TestCards.ExampleData()));

        Assert.Equal(inserted.Reader, exception.Reader);
        Assert.StartsWith("Tidak ada kartu di pembaca", exception.Message);
        await PcScStack.WaitForCardAsync(0, present: false);
        Assert.Throws<CardRemovedException>(() => card.Transmit(Convert.FromHexString("00A4040008F042414E534F530100")));
        Assert.Throws<CardRemovedException>(() => context.Connect(inserted.Reader));
    }

    [Fact(Timeout = 60_000)]
    public async Task Two_readers_hold_two_cards_at_once()
    {
        using var folder = TestCards.NewFolder();
        await using var first = await InsertedCard.InsertAsync(0, folder.File("a.json"), TestContext.Current.CancellationToken);
        await using var second = await InsertedCard.InsertAsync(1, folder.File("b.json"), TestContext.Current.CancellationToken);
        using var context = PcScContext.Establish();
        Assert.True(context.GetStatus(first.Reader).CardPresent);
        Assert.True(context.GetStatus(second.Reader).CardPresent);

        using var cardA = context.Connect(first.Reader);
        using var cardB = context.Connect(second.Reader);
        var clientA = new AidCardClient(cardA);
        var clientB = new AidCardClient(cardB);
        clientA.Select();
        clientB.Select();
        clientA.Personalise(TestCards.Data(TestCards.Number, "SITI AMINAH"));
        clientB.Personalise(TestCards.Data(TestCards.OtherNumber, "BUDI SANTOSO"));

        // Both at the same time, one thread per reader, commands interleaving in pcscd.
        var data = TestCards.ExampleData();
        var results = await Task.WhenAll(
            Task.Run(() => Transaction(clientA, data), TestContext.Current.CancellationToken),
            Task.Run(() => Transaction(clientB, data), TestContext.Current.CancellationToken));

        Assert.Equal(TestCards.Number, results[0].Fci.CardNumber);
        Assert.Equal("SITI AMINAH", results[0].Fci.HolderName);
        Assert.Equal(TestCards.OtherNumber, results[1].Fci.CardNumber);
        Assert.Equal("BUDI SANTOSO", results[1].Fci.HolderName);
        Assert.Equal(Cryptogram.Compute(CardKeys.DeriveCardKey(TestCards.Imk, TestCards.Number), TestCards.Number, 1, data), results[0].Cryptogram.Cryptogram.ToArray());
        Assert.Equal(Cryptogram.Compute(CardKeys.DeriveCardKey(TestCards.Imk, TestCards.OtherNumber), TestCards.OtherNumber, 1, data), results[1].Cryptogram.Cryptogram.ToArray());
    }

    private static (Fci Fci, GeneratedCryptogram Cryptogram) Transaction(AidCardClient client, CryptogramData data)
    {
        var fci = client.Select();
        Assert.True(client.Verify(TestCards.Pin).IsSuccess);
        return (fci, client.GenerateCryptogram(data));
    }

    [Fact(Timeout = 60_000)]
    public async Task Readers_are_listed_and_an_empty_reader_has_no_card()
    {
        PcScStack.Require();
        await PcScStack.WaitForCardAsync(1, present: false, TestContext.Current.CancellationToken);
        using var context = PcScContext.Establish();

        Assert.Contains(PcScStack.Reader(0), context.ListReaders());
        Assert.Contains(PcScStack.Reader(1), context.ListReaders());
        var status = context.GetStatus(PcScStack.Reader(1));
        Assert.False(status.CardPresent);
        Assert.True((status.State & ReaderStates.Empty) != 0);
        var exception = Assert.Throws<CardRemovedException>(() => context.Connect(PcScStack.Reader(1)));
        Assert.Equal("SCARD_E_NO_SMARTCARD", exception.ErrorName);
    }

    [Fact(Timeout = 60_000)]
    public async Task Unknown_reader_is_a_NoReaderException()
    {
        PcScStack.Require();
        using var context = PcScContext.Establish();

        Assert.Throws<NoReaderException>(() => context.Connect("Virtual PCD 00 99"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(PcScStack.WaitTimeout);
        await Assert.ThrowsAsync<NoReaderException>(() => context.WaitForCardAsync("Virtual PCD 00 99", present: true, timeout.Token));
    }

    [Fact(Timeout = 60_000)]
    public async Task Waiting_for_a_card_ends_when_cancelled()
    {
        PcScStack.Require();
        await PcScStack.WaitForCardAsync(1, present: false, TestContext.Current.CancellationToken);
        using var context = PcScContext.Establish();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => context.WaitForCardAsync(PcScStack.Reader(1), present: true, cancel.Token));
        // The context is still usable after the cancelled wait.
        Assert.False(context.GetStatus(PcScStack.Reader(1)).CardPresent);
    }

    [Fact(Timeout = 60_000)]
    public async Task WaitForChange_reports_the_insertion_and_times_out_when_nothing_happens()
    {
        PcScStack.Require();
        await PcScStack.WaitForCardAsync(1, present: false, TestContext.Current.CancellationToken);
        using var context = PcScContext.Establish();
        var reader = PcScStack.Reader(1);

        var now = context.WaitForChange([ReaderStatus.Unaware(reader)], TimeSpan.Zero);
        Assert.NotNull(now);
        Assert.False(now[0].CardPresent);
        Assert.Null(context.WaitForChange(now, TimeSpan.FromMilliseconds(200)));

        using var folder = TestCards.NewFolder();
        await using var inserted = await InsertedCard.InsertAsync(1, folder.File("card.json"), TestContext.Current.CancellationToken);
        // pcsc-lite may report intermediate states; the card shows up within the bound.
        var deadline = DateTime.UtcNow + PcScStack.WaitTimeout;
        var current = now;
        while (!current[0].CardPresent && DateTime.UtcNow < deadline)
            current = context.WaitForChange(current, PcScStack.WaitTimeout) ?? current;
        Assert.True(current[0].CardPresent);
        Assert.Equal(Convert.FromHexString("3B8801805642414E534F535D"), current[0].Atr);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_exclusive_connection_keeps_others_out()
    {
        using var folder = TestCards.NewFolder();
        await using var inserted = await InsertedCard.InsertAsync(0, folder.File("card.json"), TestContext.Current.CancellationToken);
        using var context = PcScContext.Establish();
        using var other = PcScContext.Establish();
        using var exclusive = context.Connect(inserted.Reader, PcScShareMode.Exclusive);

        var exception = Assert.Throws<SharingViolationException>(() => other.Connect(inserted.Reader));
        Assert.Contains("dipakai aplikasi lain", exception.Message);
        exclusive.Disconnect();
        using var shared = other.Connect(inserted.Reader);
        Assert.EndsWith("9000", Convert.ToHexString(shared.Transmit(Convert.FromHexString("00A4040008F042414E534F530100"))));
    }

    [Fact(Timeout = 60_000)]
    public async Task Disconnect_with_reset_ends_the_PIN_session()
    {
        using var folder = TestCards.NewFolder();
        await using var inserted = await InsertedCard.InsertAsync(0, folder.File("card.json"), TestContext.Current.CancellationToken);
        using var context = PcScContext.Establish();
        using (var card = context.Connect(inserted.Reader))
        {
            var client = new AidCardClient(card);
            client.Select();
            client.Personalise(TestCards.Data());
            client.Select();
            Assert.True(client.Verify(TestCards.Pin).IsSuccess);
            card.Disconnect(CardDisposition.Reset);
        }

        using var again = context.Connect(inserted.Reader);
        // Had the session survived, this GENERATE CRYPTOGRAM would be answered; after the reset the
        // application is not even selected.
        var generate = Convert.FromHexString("80AE800024" + Convert.ToHexString(TestCards.ExampleData().ToBytes()) + "00");
        Assert.Equal("6985", Convert.ToHexString(again.Transmit(generate)));
        Assert.Equal((ushort)0, new AidCardClient(again).Select().Atc);
    }

    /// <summary>Pulls the card out of the reader when a command with the given INS arrives.</summary>
    private sealed class PullOutOn(IVpcdCard inner, VirtualCardHost host, byte ins) : IVpcdCard
    {
        public byte[] Atr => inner.Atr;
        public void PowerOn() => inner.PowerOn();
        public void PowerOff() => inner.PowerOff();
        public void Reset() => inner.Reset();

        public byte[] Process(ReadOnlySpan<byte> command)
        {
            if (command.Length > 1 && command[1] == ins) host.Remove();
            return inner.Process(command);
        }
    }
}
