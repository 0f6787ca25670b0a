namespace Bansos.PcSc;

/// <summary>
/// What pcscd last reported for one reader. <see cref="EventState"/> keeps the full native value:
/// pcsc-lite counts card events in its upper 16 bits, and passing it back unchanged as the
/// "current state" is what makes the next wait block until something really changes.
/// </summary>
public sealed record ReaderStatus(string Reader, uint EventState, byte[] Atr)
{
    public ReaderStates State => (ReaderStates)(EventState & 0xFFFF);

    /// <summary>True when a card sits in the reader (it may still be mute or in exclusive use).</summary>
    public bool CardPresent => (State & ReaderStates.Present) != 0;

    /// <summary>True when pcscd no longer knows the reader (unplugged, driver gone).</summary>
    public bool ReaderGone => (State & (ReaderStates.Unknown | ReaderStates.Unavailable)) != 0;

    /// <summary>A status that asks pcscd for the current state straight away (SCARD_STATE_UNAWARE).</summary>
    public static ReaderStatus Unaware(string reader) => new(reader, 0, []);
}
