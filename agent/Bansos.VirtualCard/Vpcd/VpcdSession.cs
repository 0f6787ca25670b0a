namespace Bansos.VirtualCard.Vpcd;

/// <summary>
/// Serves one connection to vpcd: control codes go to the card's power handling, anything longer
/// is a command APDU answered with the card's response. Runs until vpcd closes the connection or
/// the token is cancelled.
/// </summary>
public static class VpcdSession
{
    /// <param name="beforeRead">Called before each wait for the next message (the host re-arms TCP_QUICKACK there).</param>
    /// <param name="received">Called for each message from vpcd, before it is handled.</param>
    public static async Task RunAsync(Stream stream, IVpcdCard card, CancellationToken cancellationToken, Action? beforeRead = null, Action? received = null)
    {
        while (true)
        {
            beforeRead?.Invoke();
            var message = await VpcdFraming.ReadAsync(stream, cancellationToken);
            if (message is null) return;
            received?.Invoke();
            var response = Handle(card, message);
            if (response is not null) await VpcdFraming.WriteAsync(stream, response, cancellationToken);
        }
    }

    /// <summary>The answer to one message from vpcd, or null when the message wants none.</summary>
    public static byte[]? Handle(IVpcdCard card, ReadOnlySpan<byte> message)
    {
        switch (message.Length)
        {
            // vpcd never sends empty messages; ignoring one keeps the stream in step if it does.
            case 0:
                return null;
            case 1:
                switch ((VpcdControl)message[0])
                {
                    case VpcdControl.PowerOff: card.PowerOff(); return null;
                    case VpcdControl.PowerOn: card.PowerOn(); return null;
                    case VpcdControl.Reset: card.Reset(); return null;
                    case VpcdControl.GetAtr: return card.Atr;
                    // Unknown control codes get no answer: vpcd only waits for one after GetAtr.
                    default: return null;
                }
            default:
                try
                {
                    return card.Process(message);
                }
                catch (Exception)
                {
                    // A bug in the card must not pull the card out of the reader: answer as a real
                    // card would (6F00, "no precise diagnosis") and carry on.
                    return [0x6F, 0x00];
                }
        }
    }
}
