namespace Bansos.PcSc;

/// <summary>
/// The T=0 conventions that ISO 7816-4 leaves to the terminal: <c>61xx</c> (xx more bytes wait,
/// fetch them with GET RESPONSE) and <c>6Cxx</c> (wrong Le, send the same command again with
/// Le = xx). Neither pcscd nor winscard does this, so every caller would otherwise repeat it.
/// Kept apart from the native calls so it can be tested with a scripted card.
/// </summary>
internal static class T0ResponseHandling
{
    // A card that answers 61xx forever must not hang the agent: 256 × 256 bytes is far beyond
    // anything a short-APDU profile returns.
    private const int MaxGetResponses = 256;

    public static byte[] Exchange(ReadOnlySpan<byte> command, Func<byte[], byte[]> transmit)
    {
        var sent = command.ToArray();
        var response = transmit(sent);
        if (IsStatus(response, 0x6C) && sent.Length >= 4)
        {
            sent = WithLe(sent, response[^1]);
            response = transmit(sent);
        }
        if (!IsStatus(response, 0x61)) return response;

        var data = new List<byte>(256);
        var getResponses = 0;
        while (IsStatus(response, 0x61))
        {
            if (++getResponses > MaxGetResponses)
                throw new PcScException(Native.ScardError.CommError, "Kartu terus meminta GET RESPONSE. (The card keeps asking for GET RESPONSE.)", null);
            data.AddRange(response.AsSpan(0, response.Length - 2));
            byte[] getResponse = [(byte)(sent[0] & 0x03), 0xC0, 0x00, 0x00, response[^1]];
            response = transmit(getResponse);
            if (IsStatus(response, 0x6C)) response = transmit(WithLe(getResponse, response[^1]));
        }
        data.AddRange(response);
        return [.. data];
    }

    private static bool IsStatus(byte[] response, byte sw1) => response.Length >= 2 && response[^2] == sw1;

    /// <summary>The command again with its Le set (case 1/3 gain one, case 2/4 have theirs replaced).</summary>
    internal static byte[] WithLe(byte[] command, byte le)
    {
        var hasLe = command.Length == 5 || (command.Length > 5 && command.Length == 5 + command[4] + 1);
        if (hasLe)
        {
            var copy = (byte[])command.Clone();
            copy[^1] = le;
            return copy;
        }
        return [.. command, le];
    }
}
