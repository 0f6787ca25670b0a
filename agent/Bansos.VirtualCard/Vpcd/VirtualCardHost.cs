using System.Net.Sockets;

namespace Bansos.VirtualCard.Vpcd;

/// <summary>
/// Puts a virtual card into one of vpcd's virtual readers: connects to 127.0.0.1:35963 + reader
/// index and serves vpcd until stopped. Stopping closes the socket, which pcscd sees as the card
/// being pulled out. In-process and async so tests and the CLI share it.
/// </summary>
public sealed class VirtualCardHost : IAsyncDisposable
{
    public const int BasePort = 35963;

    private readonly IVpcdCard card;
    private readonly string host;
    private readonly int port;
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource contacted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Socket? socket;
    private Task? session;
    private int state; // 0 new, 1 started, 2 stopped
    private int disposed;

    public VirtualCardHost(IVpcdCard card, int readerIndex = 0, string host = "127.0.0.1")
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentOutOfRangeException.ThrowIfNegative(readerIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(readerIndex, 99);
        this.card = card;
        this.host = host;
        ReaderIndex = readerIndex;
        port = BasePort + readerIndex;
    }

    public int ReaderIndex { get; }

    /// <summary>The PC/SC name pcscd gives the reader this card goes into (vpcd's default configuration).</summary>
    public string ReaderName => ReaderNameFor(ReaderIndex);

    public static string ReaderNameFor(int readerIndex) => $"Virtual PCD 00 {readerIndex:00}";

    /// <summary>
    /// Completes when vpcd first talks to the card (pcscd polls every reader about every 400 ms).
    /// vpcd serves one card per reader: a second card's connection is accepted by the kernel but
    /// waits, unserved, until the first one leaves.
    /// </summary>
    public Task Contacted => contacted.Task;

    /// <summary>Completes when the card is out of the reader: stopped, or vpcd closed the connection.</summary>
    public Task Completion => session ?? Task.CompletedTask;

    /// <summary>
    /// Connects to vpcd ("inserts" the card). Throws <see cref="VpcdUnavailableException"/> when
    /// nothing listens on the port (pcscd or vpcd not running).
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref state, 1, 0) != 0)
            throw new InvalidOperationException("A VirtualCardHost starts once; make a new one to insert the card again.");
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            state = 2;
            throw new VpcdUnavailableException(host, port, e);
        }
        catch
        {
            socket.Dispose();
            state = 2;
            throw;
        }
        this.socket = socket;
        var stream = new NetworkStream(socket, ownsSocket: false);
        session = Task.Run(() => ServeAsync(socket, stream), CancellationToken.None);
    }

    private async Task ServeAsync(Socket socket, NetworkStream stream)
    {
        try
        {
            await VpcdSession.RunAsync(stream, card, stop.Token, () => QuickAck(socket), () => contacted.TrySetResult());
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // The connection dropped (vpcd gone, or our own Stop closed it mid-read): the card is out.
        }
        finally
        {
            await stream.DisposeAsync();
            CloseSocket();
            // A card taken out of a reader loses power.
            try { card.PowerOff(); } catch (Exception) { /* the card's own persistence problem; the session is over anyway */ }
        }
    }

    /// <summary>Takes the card out of the reader: closes the connection and waits for the session to end.</summary>
    public async Task StopAsync()
    {
        Interlocked.Exchange(ref state, 2);
        if (Volatile.Read(ref disposed) == 0) await stop.CancelAsync();
        CloseSocket();
        if (session is { } running) await running;
    }

    /// <summary>
    /// Closes the connection without waiting: for a card that pulls itself out in the middle of
    /// an exchange (tests), where awaiting the session from inside it would deadlock.
    /// </summary>
    public void Remove()
    {
        Interlocked.Exchange(ref state, 2);
        if (Volatile.Read(ref disposed) == 0) stop.Cancel();
        CloseSocket();
    }

    /// <summary>
    /// Debian's vpcd writes the 2-byte length and the payload with two send() calls and Nagle on.
    /// Linux then holds the payload until the length is acknowledged, and a delayed ACK costs
    /// ~40 ms per APDU. TCP_QUICKACK makes the kernel acknowledge at once; it does not stick, so
    /// it is re-armed before every read.
    /// </summary>
    private static void QuickAck(Socket socket)
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            socket.SetRawSocketOption(IpProtoTcp, TcpQuickAck, QuickAckOn);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Only a latency optimisation; a closed socket ends the session on the next read.
        }
    }

    private const int IpProtoTcp = 6;
    private const int TcpQuickAck = 12;
    private static readonly byte[] QuickAckOn = [1, 0, 0, 0];

    private void CloseSocket()
    {
        var open = Interlocked.Exchange(ref socket, null);
        if (open is null) return;
        try { open.Shutdown(SocketShutdown.Both); } catch (SocketException) { } catch (ObjectDisposedException) { }
        open.Dispose();
    }

    /// <summary>Stops (removes the card) and releases the host; safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Interlocked.Exchange(ref disposed, 1) == 0) stop.Dispose();
    }
}
