using Bansos.VirtualCard.Applet;

namespace Bansos.Card.Tests;

/// <summary>A virtual card with an in-memory store, a recording channel and a client, ready to use.</summary>
internal sealed class TestCard
{
    private TestCard(AidCardApplet applet)
    {
        Applet = applet;
        Channel = new RecordingChannel(new InMemoryCardChannel(applet));
        Client = new AidCardClient(Channel);
    }

    public AidCardApplet Applet { get; }
    public RecordingChannel Channel { get; }
    public AidCardClient Client { get; }

    public static TestCard Blank() => new(AidCardApplet.InMemory());

    public static TestCard With(CardState state) => new(AidCardApplet.InMemory(state));

    public static TestCard Over(AidCardApplet applet) => new(applet);

    /// <summary>A card personalised with the card profile's test vector (PIN 123456) and selected.</summary>
    public static TestCard Personalised()
    {
        var card = Blank();
        card.Client.Select();
        card.Client.Personalise(TestVector.Personalisation());
        card.Client.Select();
        return card;
    }

    /// <summary>Sends raw hex and returns the response as hex.</summary>
    public string Send(string hex) => Hex.Of(Applet.Process(Hex.Bytes(hex)));

    /// <summary>Sends raw hex and returns only the status word as hex.</summary>
    public string Status(string hex) => Send(hex)[^4..];
}
