using Bansos.Card;
using Bansos.PcSc;
using Bansos.VirtualCard.Applet;
using Bansos.VirtualCard.Vpcd;

namespace Bansos.SmartCard.Tests.Support;

/// <summary>
/// A virtual aid card with its own state file, inserted into a vpcd reader for one test.
/// Insertion and removal both wait until pcscd has seen them, so tests never race the reader.
/// </summary>
internal sealed class InsertedCard : IAsyncDisposable
{
    private readonly VirtualCardHost host;

    private InsertedCard(int readerIndex, string statePath, AidCardApplet applet, IVpcdCard card)
    {
        ReaderIndex = readerIndex;
        StatePath = statePath;
        Applet = applet;
        host = new VirtualCardHost(card, readerIndex);
    }

    public int ReaderIndex { get; }
    public string Reader => PcScStack.Reader(ReaderIndex);
    public string StatePath { get; }
    public AidCardApplet Applet { get; }
    public VirtualCardHost Host => host;

    /// <summary>
    /// Inserts the card kept in <paramref name="statePath"/> (blank when the file does not exist).
    /// <paramref name="wrap"/> lets a test put something between vpcd and the applet.
    /// </summary>
    public static async Task<InsertedCard> InsertAsync(int readerIndex, string statePath, CancellationToken cancellationToken, Func<IVpcdCard, InsertedCard, IVpcdCard>? wrap = null)
    {
        PcScStack.Require();
        // A card left over from an earlier test (or a developer's bansos-vcard) would be a second card in the reader.
        await PcScStack.WaitForCardAsync(readerIndex, present: false);
        var applet = AidCardApplet.WithStateFile(statePath);
        var card = new SwitchableCard(new AppletVpcdCard(applet));
        var inserted = new InsertedCard(readerIndex, statePath, applet, card);
        if (wrap is not null) card.Inner = wrap(card.Inner, inserted);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PcScStack.WaitTimeout);
        await inserted.host.StartAsync(timeout.Token);
        await PcScStack.WaitForCardAsync(readerIndex, present: true);
        return inserted;
    }

    /// <summary>Takes the card out and waits until pcscd has noticed.</summary>
    public async Task RemoveAsync()
    {
        await host.StopAsync();
        await PcScStack.WaitForCardAsync(ReaderIndex, present: false);
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        await PcScStack.WaitForCardAsync(ReaderIndex, present: false);
    }

    /// <summary>Lets <see cref="InsertAsync"/> wrap the card after the host exists.</summary>
    private sealed class SwitchableCard(IVpcdCard inner) : IVpcdCard
    {
        public IVpcdCard Inner { get; set; } = inner;
        public byte[] Atr => Inner.Atr;
        public void PowerOn() => Inner.PowerOn();
        public void PowerOff() => Inner.PowerOff();
        public void Reset() => Inner.Reset();
        public byte[] Process(ReadOnlySpan<byte> command) => Inner.Process(command);
    }
}
