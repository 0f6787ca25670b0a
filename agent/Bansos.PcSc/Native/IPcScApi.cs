namespace Bansos.PcSc.Native;

/// <summary>
/// The winscard calls this library uses, with one implementation per ABI (pcsc-lite on Linux,
/// winscard.dll on Windows) and fakes in tests. Every method returns the SCARD_* code as 32 bits.
/// </summary>
internal interface IPcScApi
{
    uint EstablishContext(uint scope, out nint context);
    uint ReleaseContext(nint context);
    uint Cancel(nint context);
    uint ListReaders(nint context, out string[] readers);
    uint GetStatusChange(nint context, uint timeoutMs, ScardReaderState[] states);
    uint Connect(nint context, string reader, PcScShareMode share, PcScProtocols preferred, out nint card, out PcScProtocols active);
    uint Reconnect(nint card, PcScShareMode share, PcScProtocols preferred, CardDisposition initialization, out PcScProtocols active);
    uint Disconnect(nint card, CardDisposition disposition);
    uint BeginTransaction(nint card);
    uint EndTransaction(nint card, CardDisposition disposition);
    uint Status(nint card, out uint state, out PcScProtocols protocol, out byte[] atr);
    uint Transmit(nint card, PcScProtocols protocol, ReadOnlySpan<byte> command, Span<byte> response, out int received);
}
