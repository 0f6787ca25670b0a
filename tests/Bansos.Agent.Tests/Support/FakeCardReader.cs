using Bansos.Agent.Cards;
using Bansos.Card;
using Bansos.Card.Crypto;
using Bansos.PcSc;
using Bansos.VirtualCard.Applet;

namespace Bansos.Agent.Tests.Support;

/// <summary>
/// A reader with the virtual card's applet in it, in process. <see cref="PullAfter"/> takes the
/// card out after that many commands, as a hand pulling it mid-transaction would.
/// </summary>
internal sealed class FakeCardReader : ICardReader
{
    public static readonly byte[] Imk = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");

    public FakeCardReader(AidCardApplet? applet) => Applet = applet;

    public AidCardApplet? Applet { get; set; }

    public string Name => "Fake reader";

    public int? PullAfter { get; set; }

    public int Commands { get; private set; }

    public List<byte> Instructions { get; } = [];

    public static FakeCardReader WithCard(CardNumber number, string pin = "123456")
    {
        var applet = AidCardApplet.InMemory();
        var client = new AidCardClient(new InMemoryCardChannel(applet));
        client.Select();
        client.Personalise(PersonalisationData.FromIssuerMasterKey(Imk, number, "KPM-0001", "SITI AMINAH", new DateOnly(2030, 12, 31), pin));
        applet.PowerOff();
        return new FakeCardReader(applet);
    }

    public static byte[] CardKey(CardNumber number) => CardKeys.DeriveCardKey(Imk, number);

    public Task WaitForCardAsync(CancellationToken cancellationToken) =>
        Applet is null ? Task.Delay(Timeout.Infinite, cancellationToken) : Task.CompletedTask;

    public Task WaitForRemovalAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public bool IsCardPresent() => Applet is not null;

    public bool CheckCardPresent() => Applet is not null;

    public ICardConnection Connect()
    {
        var applet = Applet ?? throw new CardRemovedException(0x8010000C, Name);
        applet.PowerOn();
        return new Connection(this, applet);
    }

    private sealed class Connection(FakeCardReader reader, AidCardApplet applet) : ICardConnection
    {
        public byte[] Transmit(ReadOnlySpan<byte> command)
        {
            if (reader.Applet is null || (reader.PullAfter is { } limit && reader.Commands >= limit))
            {
                reader.Applet = null;
                throw new CardRemovedException(0x80100069, reader.Name);
            }
            reader.Commands++;
            reader.Instructions.Add(command[1]);
            return applet.Process(command);
        }

        public IDisposable BeginTransaction() => new Nothing();

        public void Dispose() => applet.PowerOff();

        private sealed class Nothing : IDisposable
        {
            public void Dispose() { }
        }
    }
}
