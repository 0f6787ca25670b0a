using Bansos.Card.Apdu;
using Bansos.PcSc.Native;

namespace Bansos.PcSc;

/// <summary>
/// A connection to the card in one reader (SCardConnect). <see cref="Transmit"/> is the
/// <see cref="ICardChannel"/> the card profile talks through: it follows T=0's <c>61xx</c> and
/// <c>6Cxx</c> so callers always see the whole response. One thread at a time.
/// </summary>
public sealed class PcScCard : ICardChannel, IDisposable
{
    // Short APDUs: 256 data bytes + SW1 SW2. Larger answers retry with a buffer for extended length.
    private const int ShortResponseSize = 258;
    private const int ExtendedResponseSize = 65538;

    // How long a failed exchange waits for pcscd to notice that the card left: vpcd and polled
    // readers report the empty slot at the next poll (pcscd polls every 400 ms; the margin covers a busy machine).
    private const int RemovalGraceMs = 2500;

    private readonly IPcScApi api;
    private readonly PcScContext context;
    private readonly PcScShareMode share;
    private nint handle;

    internal PcScCard(IPcScApi api, PcScContext context, nint handle, string reader, PcScShareMode share, PcScProtocols protocol)
    {
        this.api = api;
        this.context = context;
        this.handle = handle;
        this.share = share;
        Reader = reader;
        Protocol = protocol;
    }

    public string Reader { get; }

    /// <summary>The protocol pcscd negotiated with the card (T=0 or T=1).</summary>
    public PcScProtocols Protocol { get; private set; }

    private nint Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(handle == 0, this);
            return handle;
        }
    }

    /// <summary>Sends a command APDU and returns the complete response (data + SW1 SW2).</summary>
    public byte[] Transmit(ReadOnlySpan<byte> command) => T0ResponseHandling.Exchange(command, c => TransmitRaw(c));

    /// <summary>One SCardTransmit, exactly as the card answered (no GET RESPONSE, no Le correction).</summary>
    public byte[] TransmitRaw(ReadOnlySpan<byte> command)
    {
        Span<byte> buffer = stackalloc byte[ShortResponseSize];
        var rv = api.Transmit(Handle, Protocol, command, buffer, out var received);
        if (rv == ScardError.InsufficientBuffer)
        {
            var large = new byte[ExtendedResponseSize];
            rv = api.Transmit(Handle, Protocol, command, large, out received);
            Check(rv, "SCardTransmit");
            if (received < 2) Check(ScardError.NotTransacted, "SCardTransmit");
            return large.AsSpan(0, received).ToArray();
        }
        Check(rv, "SCardTransmit");
        // Every response APDU ends in SW1 SW2. Fewer bytes with "success" is how vpcd reports a card
        // that vanished mid-command (its read hits end-of-stream), and some USB readers do the same.
        if (received < 2) Check(ScardError.NotTransacted, "SCardTransmit");
        return buffer[..received].ToArray();
    }

    /// <summary>The card's Answer To Reset as pcscd holds it (SCardStatus).</summary>
    public byte[] GetAtr()
    {
        Check(api.Status(Handle, out _, out _, out var atr), "SCardStatus");
        return atr;
    }

    /// <summary>
    /// Keeps other applications off the card until the returned object is disposed
    /// (SCardBeginTransaction), e.g. around VERIFY + GENERATE CRYPTOGRAM on a shared connection.
    /// </summary>
    public IDisposable BeginTransaction()
    {
        Check(api.BeginTransaction(Handle), "SCardBeginTransaction");
        return new Transaction(this);
    }

    /// <summary>Resets (or re-powers) the card and keeps the connection (SCardReconnect).</summary>
    public void Reconnect(CardDisposition initialization = CardDisposition.Reset, PcScProtocols protocols = PcScProtocols.Any)
    {
        Check(api.Reconnect(Handle, share, protocols, initialization, out var active), "SCardReconnect");
        Protocol = active;
    }

    /// <summary>Ends the connection; <see cref="CardDisposition.Reset"/> clears the card's session (e.g. a verified PIN).</summary>
    public void Disconnect(CardDisposition disposition = CardDisposition.Leave)
    {
        var handle = this.handle;
        if (handle == 0) return;
        this.handle = 0;
        var rv = api.Disconnect(handle, disposition);
        // A card that is already gone cannot be left or reset; the handle is released all the same.
        if (rv is not (ScardError.Success or ScardError.RemovedCard or ScardError.NoSmartcard or ScardError.ReaderUnavailable or ScardError.InvalidHandle))
            throw PcScErrors.ToException(rv, "SCardDisconnect", Reader);
    }

    /// <summary>Disconnects leaving the card as it is (SCARD_LEAVE_CARD); never throws.</summary>
    public void Dispose()
    {
        var handle = this.handle;
        if (handle == 0) return;
        this.handle = 0;
        api.Disconnect(handle, CardDisposition.Leave);
    }

    private void Check(uint rv, string operation)
    {
        if (rv == ScardError.Success) return;
        throw PcScErrors.ToException(Classify(rv), operation, Reader);
    }

    /// <summary>
    /// A card pulled during an exchange surfaces as a transport error (pcsc-lite:
    /// SCARD_E_NOT_TRANSACTED / SCARD_F_COMM_ERROR) before pcscd has noticed the removal. Asking
    /// the reader tells the two apart, so the caller gets <see cref="CardRemovedException"/>.
    /// </summary>
    private uint Classify(uint rv)
    {
        if (rv is not (ScardError.NotTransacted or ScardError.CommError or ScardError.UnknownError or ScardError.CommDataLost))
            return rv;
        var status = api.Status(handle, out _, out _, out _);
        if (status is ScardError.RemovedCard or ScardError.NoSmartcard or ScardError.ResetCard or ScardError.ReaderUnavailable)
            return status;
        return CardLeftReader() ? ScardError.RemovedCard : rv;
    }

    /// <summary>Waits (briefly, only after a failed exchange) for pcscd to report the slot empty.</summary>
    private bool CardLeftReader()
    {
        if (!this.context.TryGetHandle(out var contextHandle)) return false;
        var deadline = Environment.TickCount64 + RemovalGraceMs;
        var state = new ScardReaderState(Reader, 0);
        while (true)
        {
            var remaining = deadline - Environment.TickCount64;
            if (remaining <= 0) return false;
            var rv = api.GetStatusChange(contextHandle, (uint)remaining, [state]);
            if (rv != ScardError.Success) return false;
            if (((ReaderStates)(state.EventState & 0xFFFF) & ReaderStates.Present) == 0) return true;
            state.CurrentState = state.EventState;
        }
    }

    private sealed class Transaction(PcScCard card) : IDisposable
    {
        private bool ended;

        public void Dispose()
        {
            if (ended || card.handle == 0) return;
            ended = true;
            card.api.EndTransaction(card.handle, CardDisposition.Leave);
        }
    }
}
