using Bansos.PcSc;
using Bansos.PcSc.Native;

namespace Bansos.SmartCard.Tests.Support;

/// <summary>A scripted native layer: every call returns success unless a test sets a code or a behaviour.</summary>
internal sealed class FakePcScApi : IPcScApi
{
    public uint EstablishResult { get; set; }
    public Func<uint>? Establish { get; set; }
    public uint ConnectResult { get; set; }
    public uint StatusResult { get; set; }
    public string[] Readers { get; set; } = [];
    public uint ListResult { get; set; }
    public Func<ScardReaderState[], uint>? StatusChange { get; set; }
    public Func<byte[], byte[]>? Card { get; set; }
    public uint TransmitResult { get; set; }
    public List<byte[]> Sent { get; } = [];
    public int Cancels { get; private set; }
    public int Released { get; private set; }
    public List<CardDisposition> Disconnects { get; } = [];

    public uint EstablishContext(uint scope, out nint context)
    {
        context = 0x1234;
        return Establish?.Invoke() ?? EstablishResult;
    }

    public uint ReleaseContext(nint context)
    {
        Released++;
        return 0;
    }

    public uint Cancel(nint context)
    {
        Cancels++;
        return 0;
    }

    public uint ListReaders(nint context, out string[] readers)
    {
        readers = Readers;
        return ListResult;
    }

    public uint GetStatusChange(nint context, uint timeoutMs, ScardReaderState[] states) =>
        StatusChange?.Invoke(states) ?? ScardError.Timeout;

    public uint Connect(nint context, string reader, PcScShareMode share, PcScProtocols preferred, out nint card, out PcScProtocols active)
    {
        card = 0x5678;
        active = PcScProtocols.T0;
        return ConnectResult;
    }

    public uint Reconnect(nint card, PcScShareMode share, PcScProtocols preferred, CardDisposition initialization, out PcScProtocols active)
    {
        active = PcScProtocols.T0;
        return 0;
    }

    public uint Disconnect(nint card, CardDisposition disposition)
    {
        Disconnects.Add(disposition);
        return 0;
    }

    public uint BeginTransaction(nint card) => 0;

    public uint EndTransaction(nint card, CardDisposition disposition) => 0;

    public uint Status(nint card, out uint state, out PcScProtocols protocol, out byte[] atr)
    {
        state = 0;
        protocol = PcScProtocols.T0;
        atr = [0x3B, 0x00];
        return StatusResult;
    }

    public uint Transmit(nint card, PcScProtocols protocol, ReadOnlySpan<byte> command, Span<byte> response, out int received)
    {
        received = 0;
        if (TransmitResult != 0) return TransmitResult;
        var sent = command.ToArray();
        Sent.Add(sent);
        var answer = Card!(sent);
        if (answer.Length > response.Length) return ScardError.InsufficientBuffer;
        answer.CopyTo(response);
        received = answer.Length;
        return 0;
    }
}
