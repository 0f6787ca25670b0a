using Bansos.Card;
using Bansos.Card.Apdu;
using Bansos.Card.Crypto;
using Bansos.PcSc;
using Bansos.SmartCard.Tests.Support;

namespace Bansos.SmartCard.Tests.Stack;

/// <summary>
/// The card profile through the whole real stack: virtual card → vpcd → pcscd → libpcsclite →
/// Bansos.PcSc → AidCardClient. Nothing in between is simulated.
/// </summary>
public sealed class CardLifecycleTests
{
    [Fact(Timeout = 60_000)]
    public async Task Personalises_a_blank_card_and_reads_the_FCI_back()
    {
        using var folder = TestCards.NewFolder();
        await using var inserted = await InsertedCard.InsertAsync(0, folder.File("card.json"), TestContext.Current.CancellationToken);
        using var context = PcScContext.Establish();
        using var card = context.Connect(inserted.Reader);
        var client = new AidCardClient(card);

        var blank = client.Select();
        Assert.False(blank.IsPersonalised);
        Assert.Equal(AidCardProfile.ProfileVersion, blank.ProfileVersion);

        client.Personalise(TestCards.Data());
        var fci = client.Select();

        Assert.True(fci.IsPersonalised);
        Assert.Equal(TestCards.Number, fci.CardNumber);
        Assert.Equal("KPM-1703122003-0001", fci.HouseholdReference);
        Assert.Equal("SITI AMINAH", fci.HolderName);
        Assert.Equal(new DateOnly(2027, 12, 31), fci.Expiry);
        Assert.Equal((ushort)0, fci.Atc);
        Assert.Equal(3, fci.PinTriesLeft);
        Assert.Equal(PcScProtocols.T1, card.Protocol);
        Assert.Equal(Convert.FromHexString("3B8801805642414E534F535D"), card.GetAtr());
    }

    [Fact(Timeout = 60_000)]
    public async Task Select_answers_the_FCI_bytes_of_the_profile()
    {
        using var folder = TestCards.NewFolder();
        await using var inserted = await InsertedCard.InsertAsync(0, folder.File("card.json"), TestContext.Current.CancellationToken);
        using var context = PcScContext.Establish();
        using var card = context.Connect(inserted.Reader);

        var response = card.Transmit(Convert.FromHexString("00A4040008F042414E534F530100"));

        // Blank card: 6F { 84 08 AID; A5 { 9F08 01 01; C2 01 00 } } 9000.
        Assert.Equal("6F13" + "8408F042414E534F5301" + "A507" + "9F080101" + "C20100" + "9000", Convert.ToHexString(response));
        Assert.Equal("6A82", Convert.ToHexString(card.Transmit(Convert.FromHexString("00A4040008F042414E534F530200"))));
        Assert.Equal("6985", Convert.ToHexString(card.Transmit(Convert.FromHexString("80E8000000"))));
    }

    [Fact(Timeout = 60_000)]
    public async Task Wrong_PIN_counts_down_blocks_and_the_PUK_unblocks()
    {
        using var folder = TestCards.NewFolder();
        await using var inserted = await InsertedCard.InsertAsync(0, folder.File("card.json"), TestContext.Current.CancellationToken);
        using var context = PcScContext.Establish();
        using var card = context.Connect(inserted.Reader);
        var client = new AidCardClient(card);
        client.Select();
        client.Personalise(TestCards.Data());
        client.Select();

        Assert.Equal(0x63C2, client.Verify("000000").StatusWord);
        Assert.Equal(0x63C1, client.Verify("111111").StatusWord);
        Assert.Equal(0x63C0, client.Verify("222222").StatusWord);
        Assert.Equal(0x6983, client.Verify(TestCards.Pin).StatusWord);
        Assert.Equal(0, client.Select().PinTriesLeft);

        Assert.Equal(PinOutcome.WrongPuk, client.Unblock("00000000", "654321").Outcome);
        var unblocked = client.Unblock(TestCards.Puk(TestCards.Number), "654321");

        Assert.True(unblocked.IsSuccess);
        Assert.Equal(3, client.Select().PinTriesLeft);
        Assert.Equal(0x63C2, client.Verify(TestCards.Pin).StatusWord);
        Assert.True(client.Verify("654321").IsSuccess);
    }

    [Fact(Timeout = 60_000)]
    public async Task Right_PIN_gives_the_cryptogram_the_payout_service_computes_and_the_ATC_counts_up()
    {
        using var folder = TestCards.NewFolder();
        await using var inserted = await InsertedCard.InsertAsync(0, folder.File("card.json"), TestContext.Current.CancellationToken);
        using var context = PcScContext.Establish();
        using var card = context.Connect(inserted.Reader);
        var client = new AidCardClient(card);
        client.Select();
        client.Personalise(TestCards.Data());
        var kCard = CardKeys.DeriveCardKey(TestCards.Imk, TestCards.Number);
        var data = TestCards.ExampleData();

        client.Select();
        Assert.True(client.Verify(TestCards.Pin).IsSuccess);
        var first = client.GenerateCryptogram(data);

        Assert.Equal((ushort)1, first.Atc);
        Assert.Equal("044018E18D6955C724C9A34D96658C28", first.CryptogramHex); // docs/card-profile.md test vector
        Assert.Equal(Cryptogram.Compute(kCard, TestCards.Number, 1, data), first.Cryptogram.ToArray());

        // One VERIFY allows exactly one GENERATE CRYPTOGRAM.
        var again = Assert.Throws<CardException>(() => client.GenerateCryptogram(data));
        Assert.Equal(StatusWords.SecurityStatusNotSatisfied, again.StatusWord);

        Assert.True(client.Verify(TestCards.Pin).IsSuccess);
        var second = client.GenerateCryptogram(data);
        Assert.Equal((ushort)2, second.Atc);
        Assert.Equal(Cryptogram.Compute(kCard, TestCards.Number, 2, data), second.Cryptogram.ToArray());
        Assert.Equal((ushort)2, client.Select().Atc);
    }

    [Fact(Timeout = 60_000)]
    public async Task Card_state_survives_taking_the_card_out_and_putting_it_back()
    {
        using var folder = TestCards.NewFolder();
        var state = folder.File("card.json");
        await using (var inserted = await InsertedCard.InsertAsync(1, state, TestContext.Current.CancellationToken))
        {
            using var context = PcScContext.Establish();
            using var card = context.Connect(inserted.Reader);
            var client = new AidCardClient(card);
            client.Select();
            client.Personalise(TestCards.Data());
            client.Select();
            Assert.True(client.Verify(TestCards.Pin).IsSuccess);
            Assert.Equal((ushort)1, client.GenerateCryptogram(TestCards.ExampleData()).Atc);
            Assert.Equal(0x63C2, client.Verify("999999").StatusWord);
        }

        // A new applet process reading the same file: the card as it was, PIN counter included.
        await using (var reinserted = await InsertedCard.InsertAsync(1, state, TestContext.Current.CancellationToken))
        {
            using var context = PcScContext.Establish();
            using var card = context.Connect(reinserted.Reader);
            var client = new AidCardClient(card);

            var fci = client.Select();
            Assert.Equal(TestCards.Number, fci.CardNumber);
            Assert.Equal((ushort)1, fci.Atc);
            Assert.Equal(2, fci.PinTriesLeft);
            Assert.True(client.Verify(TestCards.Pin).IsSuccess);
            Assert.Equal((ushort)2, client.GenerateCryptogram(TestCards.ExampleData()).Atc);
        }
    }
}
