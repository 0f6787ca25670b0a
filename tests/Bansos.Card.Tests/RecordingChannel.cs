using Bansos.Card.Apdu;

namespace Bansos.Card.Tests;

/// <summary>Passes APDUs through and keeps each exchange as hex, for transcripts and assertions.</summary>
internal sealed class RecordingChannel(ICardChannel inner) : ICardChannel
{
    public List<(string Command, string Response)> Exchanges { get; } = [];

    public string LastStatus => Exchanges[^1].Response[^4..];

    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        var response = inner.Transmit(command);
        Exchanges.Add((Hex.Of(command), Hex.Of(response)));
        return response;
    }
}
