using Bansos.PcSc.Native;

namespace Bansos.PcSc;

/// <summary>
/// A PC/SC resource-manager context (SCardEstablishContext): lists readers, watches them and
/// connects to cards. Not thread-safe except <see cref="Cancel"/> and the async waits, which use
/// a context of their own so a long wait never blocks the caller's other calls (pcsc-lite holds a
/// context's lock for the whole of SCardGetStatusChange).
/// </summary>
public sealed class PcScContext : IDisposable
{
    private const uint Infinite = 0xFFFFFFFF;

    private readonly IPcScApi api;
    private nint handle;

    private PcScContext(IPcScApi api, nint handle)
    {
        this.api = api;
        this.handle = handle;
    }

    /// <summary>Connects to the PC/SC service; <see cref="PcScServiceUnavailableException"/> when it is not there.</summary>
    public static PcScContext Establish(PcScScope scope = PcScScope.System) => Establish(PcScLibrary.Default, scope);

    internal static PcScContext Establish(IPcScApi api, PcScScope scope = PcScScope.System)
    {
        uint rv;
        nint handle;
        try
        {
            rv = api.EstablishContext((uint)scope, out handle);
        }
        catch (DllNotFoundException e)
        {
            // No libpcsclite.so.1 / winscard.dll: for the operator this is the same as no service.
            throw new PcScServiceUnavailableException(ScardError.NoService, e);
        }
        PcScErrors.Check(rv, "SCardEstablishContext");
        return new PcScContext(api, handle);
    }

    internal IPcScApi Api => api;

    internal nint Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(handle == 0, this);
            return handle;
        }
    }

    internal bool TryGetHandle(out nint handle)
    {
        handle = this.handle;
        return handle != 0;
    }

    /// <summary>The names of the readers pcscd knows; empty when there are none.</summary>
    public IReadOnlyList<string> ListReaders()
    {
        PcScErrors.Check(api.ListReaders(Handle, out var readers), "SCardListReaders");
        return readers;
    }

    /// <summary>The reader's state right now.</summary>
    public ReaderStatus GetStatus(string reader)
    {
        var states = new[] { new ScardReaderState(reader, 0) };
        PcScErrors.Check(api.GetStatusChange(Handle, 0, states), "SCardGetStatusChange", reader);
        return ToStatus(states[0]);
    }

    /// <summary>
    /// Blocks until one of the readers differs from the state given (pass the previous result, or
    /// <see cref="ReaderStatus.Unaware"/>), or the timeout passes. Returns the new states, or null
    /// on timeout. <see cref="Cancel"/> from another thread ends it with
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public IReadOnlyList<ReaderStatus>? WaitForChange(IReadOnlyList<ReaderStatus> known, TimeSpan timeout)
    {
        var states = known.Select(s => new ScardReaderState(s.Reader, s.EventState)).ToArray();
        var rv = api.GetStatusChange(Handle, ToMilliseconds(timeout), states);
        if (rv == ScardError.Timeout) return null;
        if (rv == ScardError.Cancelled) throw new OperationCanceledException("SCardGetStatusChange was cancelled.");
        PcScErrors.Check(rv, "SCardGetStatusChange", known.Count == 1 ? known[0].Reader : null);
        return states.Select(ToStatus).ToArray();
    }

    /// <summary>
    /// Completes when a card is in the reader (<paramref name="present"/> true) or the reader is
    /// empty (false). Cancelling the token ends the native wait with SCardCancel.
    /// <see cref="NoReaderException"/> if the reader is unknown or disappears.
    /// </summary>
    public Task<ReaderStatus> WaitForCardAsync(string reader, bool present, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var api = this.api;
        return Task.Factory.StartNew(
            () => WaitForCard(api, reader, present, cancellationToken),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    private static ReaderStatus WaitForCard(IPcScApi api, string reader, bool present, CancellationToken cancellationToken)
    {
        using var waiter = Establish(api);
        using var registration = cancellationToken.Register(waiter.Cancel);
        var state = new ScardReaderState(reader, 0);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rv = api.GetStatusChange(waiter.Handle, Infinite, [state]);
            if (rv == ScardError.Cancelled) throw new OperationCanceledException(cancellationToken);
            // pcsc-lite may give up an INFINITE wait on its own (e.g. the service restarts); ask again.
            if (rv == ScardError.Timeout) continue;
            PcScErrors.Check(rv, "SCardGetStatusChange", reader);
            var status = ToStatus(state);
            if ((status.State & ReaderStates.Unknown) != 0) throw new NoReaderException(ScardError.UnknownReader, reader);
            if (status.CardPresent == present && (!present || (status.State & ReaderStates.Mute) == 0)) return status;
            state.CurrentState = state.EventState;
        }
    }

    /// <summary>Ends a <see cref="WaitForChange"/> blocked on this context (SCardCancel); safe from any thread.</summary>
    public void Cancel()
    {
        var handle = this.handle;
        if (handle != 0) api.Cancel(handle);
    }

    /// <summary>Connects to the card in the reader; T=0 or T=1, shared, by default.</summary>
    public PcScCard Connect(string reader, PcScShareMode share = PcScShareMode.Shared, PcScProtocols protocols = PcScProtocols.Any)
    {
        var rv = api.Connect(Handle, reader, share, protocols, out var card, out var active);
        PcScErrors.Check(rv, "SCardConnect", reader);
        return new PcScCard(api, this, card, reader, share, active);
    }

    /// <summary>Releases the context (SCardReleaseContext). Idempotent.</summary>
    public void Release()
    {
        var handle = this.handle;
        if (handle == 0) return;
        this.handle = 0;
        api.ReleaseContext(handle);
    }

    public void Dispose() => Release();

    private static ReaderStatus ToStatus(ScardReaderState state) => new(state.Reader, state.EventState, state.Atr);

    private static uint ToMilliseconds(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan ? Infinite : (uint)Math.Clamp(timeout.TotalMilliseconds, 0, Infinite - 1);
}
