namespace Bansos.VirtualCard.Vpcd;

/// <summary>
/// What the vpcd connector needs from a card: its ATR, the power events and command processing.
/// The aid-card applet plugs in through <see cref="AppletVpcdCard"/>; tests can plug in others.
/// Calls come from one connection loop, never concurrently.
/// </summary>
public interface IVpcdCard
{
    byte[] Atr { get; }

    void PowerOn();

    void PowerOff();

    void Reset();

    /// <summary>Processes one command APDU and returns the response APDU (data + SW1 SW2).</summary>
    byte[] Process(ReadOnlySpan<byte> command);
}
