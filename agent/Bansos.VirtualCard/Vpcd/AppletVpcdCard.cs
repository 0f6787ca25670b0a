using Bansos.VirtualCard.Applet;

namespace Bansos.VirtualCard.Vpcd;

/// <summary>Plugs the aid-card applet into the vpcd connector.</summary>
public sealed class AppletVpcdCard(AidCardApplet applet) : IVpcdCard
{
    public AidCardApplet Applet => applet;

    public byte[] Atr => applet.Atr;

    public void PowerOn() => applet.PowerOn();

    public void PowerOff() => applet.PowerOff();

    public void Reset() => applet.Reset();

    public byte[] Process(ReadOnlySpan<byte> command) => applet.Process(command);
}
