using Bansos.VirtualCard.Applet;

namespace Bansos.Card.Tests;

/// <summary>The virtual card's memory in a JSON file: written after every change, read back on start.</summary>
public sealed class StateFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("bansos-card-").FullName;

    private string StatePath => Path.Combine(directory, "cards", "card.json");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void State_survives_a_reload()
    {
        var first = TestCard.Over(AidCardApplet.WithStateFile(StatePath));
        first.Client.Select();
        first.Client.Personalise(TestVector.Personalisation());
        first.Client.Select();
        first.Client.Verify(TestVector.Pin);
        first.Client.GenerateCryptogram(TestVector.Data);
        first.Client.Verify("000000");
        first.Client.Unblock("12345678", "111111");

        var second = TestCard.Over(AidCardApplet.WithStateFile(StatePath));
        var fci = second.Client.Select();

        Assert.True(fci.IsPersonalised);
        Assert.Equal(TestVector.CardNumber, fci.CardNumber);
        Assert.Equal(TestVector.HolderName, fci.HolderName);
        Assert.Equal((ushort)1, fci.Atc);
        Assert.Equal(2, fci.PinTriesLeft);
        Assert.Equal(9, second.Applet.State.PukTriesLeft);
        Assert.True(second.Client.Verify(TestVector.Pin).IsSuccess);
        var next = second.Client.GenerateCryptogram(TestVector.Data);
        Assert.Equal(2, next.Atc);
        Assert.True(Crypto.Cryptogram.Verify(TestVector.CardKey, TestVector.CardNumber, 2, TestVector.Data, next.Cryptogram.Span));
    }

    [Fact]
    public void Session_state_is_not_persisted()
    {
        var first = TestCard.Over(AidCardApplet.WithStateFile(StatePath));
        first.Client.Select();
        first.Client.Personalise(TestVector.Personalisation());
        first.Client.Select();
        first.Client.Verify(TestVector.Pin);

        var second = TestCard.Over(AidCardApplet.WithStateFile(StatePath));

        Assert.Equal("6985", second.Status("80AE800024" + TestVector.DataHex + "00")); // not selected
        second.Client.Select();
        Assert.Equal(0x6982, Assert.Throws<CardException>(() => second.Client.GenerateCryptogram(TestVector.Data)).StatusWord);
    }

    [Fact]
    public void The_file_is_readable_json_and_no_temp_file_is_left()
    {
        var card = TestCard.Over(AidCardApplet.WithStateFile(StatePath));
        card.Client.Select();
        card.Client.Personalise(TestVector.Personalisation());

        var json = File.ReadAllText(StatePath);

        Assert.Contains("\"CardNumber\": \"9900170000000011\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Locked\": true", json, StringComparison.Ordinal);
        Assert.Contains("\"PinTriesLeft\": 3", json, StringComparison.Ordinal);
        Assert.Equal(["card.json"], Directory.GetFiles(Path.GetDirectoryName(StatePath)!).Select(Path.GetFileName));
    }

    [Fact]
    public void The_file_holding_K_card_is_the_owner_s_alone()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var card = TestCard.Over(AidCardApplet.WithStateFile(StatePath));
        card.Client.Select();
        card.Client.Personalise(TestVector.Personalisation());

        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(StatePath));
    }

    [Fact]
    public void A_missing_file_is_a_blank_card()
    {
        var card = TestCard.Over(AidCardApplet.WithStateFile(StatePath));

        Assert.False(card.Client.Select().IsPersonalised);
        Assert.False(File.Exists(StatePath)); // SELECT changes nothing persistent
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"FormatVersion\": 2}")]
    [InlineData("{\"FormatVersion\": 1, \"PinTriesLeft\": 7, \"PukTriesLeft\": 10}")]
    [InlineData("{\"FormatVersion\": 1, \"Locked\": true, \"PinTriesLeft\": 3, \"PukTriesLeft\": 10}")]
    [InlineData("{\"FormatVersion\": 1, \"CardNumber\": \"9900170000000012\", \"PinTriesLeft\": 3, \"PukTriesLeft\": 10}")]
    [InlineData("{\"FormatVersion\": 1, \"CardKey\": \"XYZ\", \"PinTriesLeft\": 3, \"PukTriesLeft\": 10}")]
    public void A_corrupt_file_stops_the_card_rather_than_wiping_it(string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StatePath)!);
        File.WriteAllText(StatePath, content);

        Assert.Throws<InvalidDataException>(() => AidCardApplet.WithStateFile(StatePath));
    }

    [Fact]
    public void A_failed_write_answers_6581_and_changes_nothing()
    {
        var store = new FlakyStore(TestCard.Personalised().Applet.State);
        var card = TestCard.Over(new AidCardApplet(store));
        card.Client.Select();

        store.Fail = true;
        Assert.Equal("6581", card.Status("002000800826000000FFFFFFFF"));
        Assert.Equal("6581", card.Status("002000800826123456FFFFFFFF"));
        Assert.Equal(3, card.Applet.State.PinTriesLeft);

        store.Fail = false;
        Assert.Equal("9000", card.Status("002000800826123456FFFFFFFF"));
        store.Fail = true;
        Assert.Equal("6581", card.Status("80AE800024" + TestVector.DataHex + "00"));
        Assert.Equal(0, card.Applet.State.Atc); // the ATC was not spent without being saved
    }

    [Fact]
    public void Every_change_of_persistent_state_is_saved()
    {
        var store = new InMemoryCardStateStore();
        var card = TestCard.Over(new AidCardApplet(store));
        card.Client.Select();
        Assert.Equal(0, store.SaveCount);

        card.Client.Personalise(TestVector.Personalisation());
        Assert.Equal(2, store.SaveCount); // one STORE DATA, one LOCK
        card.Client.Select();
        card.Client.Verify("000000");
        Assert.Equal(2, store.State!.PinTriesLeft);
        card.Client.Verify(TestVector.Pin);
        Assert.Equal(3, store.State.PinTriesLeft);
        card.Client.GenerateCryptogram(TestVector.Data);
        Assert.Equal(1, store.State.Atc);
    }

    private sealed class FlakyStore(CardState initial) : ICardStateStore
    {
        private CardState state = initial;

        public bool Fail { get; set; }

        public CardState? Load() => state;

        public void Save(CardState state)
        {
            if (Fail) throw new IOException("disk full");
            this.state = state;
        }
    }
}
