using Bansos.Card.Apdu;

namespace Bansos.VirtualCard.Applet;

/// <summary>
/// Connects <see cref="Bansos.Card.AidCardClient"/> straight to an <see cref="AidCardApplet"/>
/// in the same process: tests, demos and the agent's "no reader" mode need no PC/SC stack.
/// </summary>
public sealed class InMemoryCardChannel(AidCardApplet applet) : ICardChannel
{
    public AidCardApplet Applet => applet;

    public byte[] Transmit(ReadOnlySpan<byte> command) => applet.Process(command);
}
