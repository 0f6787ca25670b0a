namespace Bansos.PcSc.Native;

/// <summary>Platform-neutral form of SCARD_READERSTATE; each API marshals it to its own layout.</summary>
internal sealed class ScardReaderState(string reader, uint currentState)
{
    public string Reader { get; } = reader;
    public uint CurrentState { get; set; } = currentState;
    public uint EventState { get; set; }
    public byte[] Atr { get; set; } = [];
}
