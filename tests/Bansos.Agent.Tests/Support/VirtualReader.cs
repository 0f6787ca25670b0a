using Bansos.PcSc;
using Bansos.VirtualCard.Applet;
using Bansos.VirtualCard.Vpcd;

namespace Bansos.Agent.Tests.Support;

/// <summary>
/// A virtual aid card in pcscd's virtual reader 0, for one test. Needs pcscd with vsmartcard-vpcd:
/// without it the test fails under CI=true and is skipped with the reason otherwise.
/// Insertion and removal wait until pcscd has seen them.
/// </summary>
internal sealed class VirtualReader : IAsyncDisposable
{
    public const int Index = 0;
    public static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(10);

    private VirtualCardHost? host;

    public static string Name => VirtualCardHost.ReaderNameFor(Index);

    public static void Require()
    {
        string? problem;
        try
        {
            using var context = PcScContext.Establish();
            problem = context.ListReaders().Contains(Name) ? null : $"reader \"{Name}\" not found";
        }
        catch (Exception e) when (e is PcScException or PlatformNotSupportedException or DllNotFoundException)
        {
            problem = e.Message;
        }
        if (problem is null) return;
        var message = $"pcscd with vsmartcard-vpcd is needed (run .ci/servers.sh): {problem}";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(message);
        Assert.Skip(message);
    }

    /// <summary>Inserts the card kept in <paramref name="statePath"/>; <paramref name="wrap"/> may stand between vpcd and the applet.</summary>
    public async Task InsertAsync(string statePath, Func<IVpcdCard, VirtualCardHost, IVpcdCard>? wrap = null)
    {
        Require();
        await WaitAsync(present: false);
        var card = new Switch(new AppletVpcdCard(AidCardApplet.WithStateFile(statePath)));
        host = new VirtualCardHost(card, Index);
        if (wrap is not null) card.Inner = wrap(card.Inner, host);
        using var timeout = new CancellationTokenSource(WaitTimeout);
        await host.StartAsync(timeout.Token);
        await WaitAsync(present: true);
    }

    public async Task RemoveAsync()
    {
        if (host is { } inserted)
        {
            host = null;
            await inserted.DisposeAsync();
        }
        await WaitAsync(present: false);
    }

    public static async Task WaitAsync(bool present)
    {
        using var context = PcScContext.Establish();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(WaitTimeout);
        try
        {
            await context.WaitForCardAsync(Name, present, timeout.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"pcscd did not report the card {(present ? "in" : "out of")} \"{Name}\" within {WaitTimeout.TotalSeconds} s.");
        }
    }

    public ValueTask DisposeAsync() => new(RemoveAsync());

    private sealed class Switch(IVpcdCard inner) : IVpcdCard
    {
        public IVpcdCard Inner { get; set; } = inner;
        public byte[] Atr => Inner.Atr;
        public void PowerOn() => Inner.PowerOn();
        public void PowerOff() => Inner.PowerOff();
        public void Reset() => Inner.Reset();
        public byte[] Process(ReadOnlySpan<byte> command) => Inner.Process(command);
    }
}
