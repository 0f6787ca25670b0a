using System.Runtime.InteropServices;

namespace Bansos.PcSc.Native;

/// <summary>
/// winscard.dll on Windows: DWORD and LONG are 4 bytes, handles pointer-sized, rgbAtr is 36
/// bytes. The W (UTF-16) entry points are used so reader names outside ASCII survive.
/// </summary>
internal sealed unsafe partial class WinScardApi : IPcScApi
{
    internal const int MaxAtrSize = 36;

    [StructLayout(LayoutKind.Sequential)]
    internal struct ReaderState
    {
        public char* Reader;
        public nint UserData;
        public uint CurrentState;
        public uint EventState;
        public uint AtrLength;
        public fixed byte Atr[MaxAtrSize];
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct IoRequest
    {
        public uint Protocol;
        public uint PciLength;
    }

    public uint EstablishContext(uint scope, out nint context)
    {
        nint ctx;
        var rv = (uint)SCardEstablishContext(scope, 0, 0, &ctx);
        context = ctx;
        return rv;
    }

    public uint ReleaseContext(nint context) => (uint)SCardReleaseContext(context);

    public uint Cancel(nint context) => (uint)SCardCancel(context);

    public uint ListReaders(nint context, out string[] readers)
    {
        readers = [];
        while (true)
        {
            uint length = 0;
            var rv = (uint)SCardListReadersW(context, null, null, &length);
            if (rv == ScardError.NoReadersAvailable) return ScardError.Success;
            if (rv != ScardError.Success) return rv;
            var buffer = new char[(int)length];
            fixed (char* p = buffer)
            {
                rv = (uint)SCardListReadersW(context, null, p, &length);
            }
            if (rv == ScardError.InsufficientBuffer) continue;
            if (rv == ScardError.NoReadersAvailable) return ScardError.Success;
            if (rv != ScardError.Success) return rv;
            readers = MultiString.Split(new string(buffer, 0, (int)length));
            return rv;
        }
    }

    public uint GetStatusChange(nint context, uint timeoutMs, ScardReaderState[] states)
    {
        var handles = new GCHandle[states.Length];
        try
        {
            var native = stackalloc ReaderState[states.Length];
            for (var i = 0; i < states.Length; i++)
            {
                handles[i] = GCHandle.Alloc(states[i].Reader + "\0", GCHandleType.Pinned);
                native[i] = default;
                native[i].Reader = (char*)handles[i].AddrOfPinnedObject();
                native[i].CurrentState = states[i].CurrentState;
            }
            var rv = (uint)SCardGetStatusChangeW(context, timeoutMs, native, (uint)states.Length);
            for (var i = 0; i < states.Length; i++)
            {
                states[i].EventState = native[i].EventState;
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
        nint handle;
        uint protocol;
        uint rv;
        fixed (char* p = reader + "\0")
        {
            rv = (uint)SCardConnectW(context, p, (uint)share, (uint)preferred, &handle, &protocol);
        }
        card = handle;
        active = (PcScProtocols)(int)protocol;
        return rv;
    }

    public uint Reconnect(nint card, PcScShareMode share, PcScProtocols preferred, CardDisposition initialization, out PcScProtocols active)
    {
        uint protocol;
        var rv = (uint)SCardReconnect(card, (uint)share, (uint)preferred, (uint)initialization, &protocol);
        active = (PcScProtocols)(int)protocol;
        return rv;
    }

    public uint Disconnect(nint card, CardDisposition disposition) => (uint)SCardDisconnect(card, (uint)disposition);

    public uint BeginTransaction(nint card) => (uint)SCardBeginTransaction(card);

    public uint EndTransaction(nint card, CardDisposition disposition) => (uint)SCardEndTransaction(card, (uint)disposition);

    public uint Status(nint card, out uint state, out PcScProtocols protocol, out byte[] atr)
    {
        var name = stackalloc char[256];
        var atrBuffer = stackalloc byte[MaxAtrSize];
        uint nameLength = 256, st, proto, atrLength = MaxAtrSize;
        var rv = (uint)SCardStatusW(card, name, &nameLength, &st, &proto, atrBuffer, &atrLength);
        state = st;
        protocol = (PcScProtocols)(int)proto;
        atr = rv == ScardError.Success ? new ReadOnlySpan<byte>(atrBuffer, (int)atrLength).ToArray() : [];
        return rv;
    }

    public uint Transmit(nint card, PcScProtocols protocol, ReadOnlySpan<byte> command, Span<byte> response, out int received)
    {
        var pci = new IoRequest { Protocol = (uint)protocol, PciLength = (uint)sizeof(IoRequest) };
        var length = (uint)response.Length;
        uint rv;
        fixed (byte* send = command)
        fixed (byte* recv = response)
        {
            rv = (uint)SCardTransmit(card, &pci, send, (uint)command.Length, null, recv, &length);
        }
        received = rv == ScardError.Success ? (int)length : 0;
        return rv;
    }

    [LibraryImport(PcScLibrary.Name)]
    private static partial int SCardEstablishContext(uint dwScope, nint pvReserved1, nint pvReserved2, nint* phContext);

    [LibraryImport(PcScLibrary.Name)]
    private static partial int SCardReleaseContext(nint hContext);

    [LibraryImport(PcScLibrary.Name)]
    private static partial int SCardCancel(nint hContext);

    [LibraryImport(PcScLibrary.Name)]
    private static partial int SCardListReadersW(nint hContext, char* mszGroups, char* mszReaders, uint* pcchReaders);

    [LibraryImport(PcScLibrary.Name)]
    private static partial int SCardGetStatusChangeW(nint hContext, uint dwTimeout, ReaderState* rgReaderStates, uint cReaders);

    [LibraryImport(PcScLibrary.Name)]
    private static partial int SCardConnectW(nint hContext, char* szReader, uint dwShareMode, uint dwPreferredProtocols, nint* phCard, uint* pdwActiveProtocol);

    [LibraryImport(PcScLibrary.Name)]
    private static partial int SCardReconnect(nint hCard, uint dwShareMode, uint dwPreferredProtocols, uint dwInitialization, uint* pdwActiveProtocol);

    [LibraryImport(PcScLibrary.Name)]
    private static partial int SCardDisconnect(nint hCard, uint dwDisposition);

    [LibraryImport(PcScLibrary.Name)]
    private static partial int SCardBeginTransaction(nint hCard);

    [LibraryImport(PcScLibrary.Name)]
    private static partial int SCardEndTransaction(nint hCard, uint dwDisposition);

    [LibraryImport(PcScLibrary.Name)]
    private static partial int SCardStatusW(nint hCard, char* szReaderName, uint* pcchReaderLen, uint* pdwState, uint* pdwProtocol, byte* pbAtr, uint* pcbAtrLen);

    [LibraryImport(PcScLibrary.Name)]
    private static partial int SCardTransmit(nint hCard, IoRequest* pioSendPci, byte* pbSendBuffer, uint cbSendLength, IoRequest* pioRecvPci, byte* pbRecvBuffer, uint* pcbRecvLength);
}
