using System.Runtime.InteropServices;
using System.Text;

namespace Bansos.PcSc.Native;

/// <summary>
/// pcsc-lite on Linux. Its DWORD and LONG are C <c>unsigned long</c>/<c>long</c>: 8 bytes on
/// 64-bit Linux, hence nuint/nint everywhere. Names are UTF-8.
/// </summary>
internal sealed unsafe partial class PcScLiteApi : IPcScApi
{
    // pcsc-lite's MAX_ATR_SIZE; SCARD_READERSTATE is 80 bytes on x64 (73 padded to 8).
    internal const int MaxAtrSize = 33;

    [StructLayout(LayoutKind.Sequential)]
    internal struct ReaderState
    {
        public byte* Reader;
        public nint UserData;
        public nuint CurrentState;
        public nuint EventState;
        public nuint AtrLength;
        public fixed byte Atr[MaxAtrSize];
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct IoRequest
    {
        public nuint Protocol;
        public nuint PciLength;
    }

    public uint EstablishContext(uint scope, out nint context)
    {
        nint ctx;
        var rv = Code(SCardEstablishContext(scope, 0, 0, &ctx));
        context = ctx;
        return rv;
    }

    public uint ReleaseContext(nint context) => Code(SCardReleaseContext(context));

    public uint Cancel(nint context) => Code(SCardCancel(context));

    public uint ListReaders(nint context, out string[] readers)
    {
        readers = [];
        while (true)
        {
            nuint length = 0;
            var rv = Code(SCardListReaders(context, null, null, &length));
            if (rv == ScardError.NoReadersAvailable) return ScardError.Success;
            if (rv != ScardError.Success) return rv;
            var buffer = new byte[(int)length];
            fixed (byte* p = buffer)
            {
                rv = Code(SCardListReaders(context, null, p, &length));
            }
            // A reader plugged in between the two calls makes the buffer too small: ask again.
            if (rv == ScardError.InsufficientBuffer) continue;
            if (rv == ScardError.NoReadersAvailable) return ScardError.Success;
            if (rv != ScardError.Success) return rv;
            readers = MultiString.Split(Encoding.UTF8.GetString(buffer, 0, (int)length));
            return rv;
        }
    }

    public uint GetStatusChange(nint context, uint timeoutMs, ScardReaderState[] states)
    {
        var names = new byte[states.Length][];
        for (var i = 0; i < states.Length; i++) names[i] = MultiString.NullTerminatedUtf8(states[i].Reader);
        var handles = new GCHandle[states.Length];
        try
        {
            var native = stackalloc ReaderState[states.Length];
            for (var i = 0; i < states.Length; i++)
            {
                handles[i] = GCHandle.Alloc(names[i], GCHandleType.Pinned);
                native[i] = default;
                native[i].Reader = (byte*)handles[i].AddrOfPinnedObject();
                native[i].CurrentState = states[i].CurrentState;
            }
            var rv = Code(SCardGetStatusChange(context, timeoutMs, native, (nuint)states.Length));
            for (var i = 0; i < states.Length; i++)
            {
                states[i].EventState = (uint)native[i].EventState;
                var atrLength = Math.Min((int)native[i].AtrLength, MaxAtrSize);
                states[i].Atr = new ReadOnlySpan<byte>(native[i].Atr, atrLength).ToArray();
            }
            return rv;
        }
        finally
        {
            foreach (var handle in handles) if (handle.IsAllocated) handle.Free();
        }
    }

    public uint Connect(nint context, string reader, PcScShareMode share, PcScProtocols preferred, out nint card, out PcScProtocols active)
    {
        var name = MultiString.NullTerminatedUtf8(reader);
        nint handle;
        nuint protocol;
        uint rv;
        fixed (byte* p = name)
        {
            rv = Code(SCardConnect(context, p, (nuint)share, (nuint)preferred, &handle, &protocol));
        }
        card = handle;
        active = (PcScProtocols)(int)protocol;
        return rv;
    }

    public uint Reconnect(nint card, PcScShareMode share, PcScProtocols preferred, CardDisposition initialization, out PcScProtocols active)
    {
        nuint protocol;
        var rv = Code(SCardReconnect(card, (nuint)share, (nuint)preferred, (nuint)initialization, &protocol));
        active = (PcScProtocols)(int)protocol;
        return rv;
    }

    public uint Disconnect(nint card, CardDisposition disposition) => Code(SCardDisconnect(card, (nuint)disposition));

    public uint BeginTransaction(nint card) => Code(SCardBeginTransaction(card));

    public uint EndTransaction(nint card, CardDisposition disposition) => Code(SCardEndTransaction(card, (nuint)disposition));

    public uint Status(nint card, out uint state, out PcScProtocols protocol, out byte[] atr)
    {
        var name = stackalloc byte[256];
        var atrBuffer = stackalloc byte[MaxAtrSize + 3];
        nuint nameLength = 256, st, proto, atrLength = MaxAtrSize + 3;
        var rv = Code(SCardStatus(card, name, &nameLength, &st, &proto, atrBuffer, &atrLength));
        state = (uint)st;
        protocol = (PcScProtocols)(int)proto;
        atr = rv == ScardError.Success ? new ReadOnlySpan<byte>(atrBuffer, (int)atrLength).ToArray() : [];
        return rv;
    }

    public uint Transmit(nint card, PcScProtocols protocol, ReadOnlySpan<byte> command, Span<byte> response, out int received)
    {
        var pci = new IoRequest { Protocol = (nuint)protocol, PciLength = (nuint)sizeof(IoRequest) };
        nuint length = (nuint)response.Length;
        uint rv;
        fixed (byte* send = command)
        fixed (byte* recv = response)
        {
            rv = Code(SCardTransmit(card, &pci, send, (nuint)command.Length, null, recv, &length));
        }
        received = rv == ScardError.Success ? (int)length : 0;
        return rv;
    }

    // LONG is 64-bit here; the codes are 32-bit values (0x801000xx) widened without sign.
    private static uint Code(nint rv) => unchecked((uint)rv);

    [LibraryImport(PcScLibrary.Name)]
    private static partial nint SCardEstablishContext(nuint dwScope, nint pvReserved1, nint pvReserved2, nint* phContext);

    [LibraryImport(PcScLibrary.Name)]
    private static partial nint SCardReleaseContext(nint hContext);

    [LibraryImport(PcScLibrary.Name)]
    private static partial nint SCardCancel(nint hContext);

    [LibraryImport(PcScLibrary.Name)]
    private static partial nint SCardListReaders(nint hContext, byte* mszGroups, byte* mszReaders, nuint* pcchReaders);

    [LibraryImport(PcScLibrary.Name)]
    private static partial nint SCardGetStatusChange(nint hContext, nuint dwTimeout, ReaderState* rgReaderStates, nuint cReaders);

    [LibraryImport(PcScLibrary.Name)]
    private static partial nint SCardConnect(nint hContext, byte* szReader, nuint dwShareMode, nuint dwPreferredProtocols, nint* phCard, nuint* pdwActiveProtocol);

    [LibraryImport(PcScLibrary.Name)]
    private static partial nint SCardReconnect(nint hCard, nuint dwShareMode, nuint dwPreferredProtocols, nuint dwInitialization, nuint* pdwActiveProtocol);

    [LibraryImport(PcScLibrary.Name)]
    private static partial nint SCardDisconnect(nint hCard, nuint dwDisposition);

    [LibraryImport(PcScLibrary.Name)]
    private static partial nint SCardBeginTransaction(nint hCard);

    [LibraryImport(PcScLibrary.Name)]
    private static partial nint SCardEndTransaction(nint hCard, nuint dwDisposition);

    [LibraryImport(PcScLibrary.Name)]
    private static partial nint SCardStatus(nint hCard, byte* szReaderName, nuint* pcchReaderLen, nuint* pdwState, nuint* pdwProtocol, byte* pbAtr, nuint* pcbAtrLen);

    [LibraryImport(PcScLibrary.Name)]
    private static partial nint SCardTransmit(nint hCard, IoRequest* pioSendPci, byte* pbSendBuffer, nuint cbSendLength, IoRequest* pioRecvPci, byte* pbRecvBuffer, nuint* pcbRecvLength);
}
