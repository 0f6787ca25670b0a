namespace Bansos.Card.Apdu;

/// <summary>A response APDU: response data followed by the two status bytes SW1 SW2.</summary>
public sealed class ResponseApdu
{
    private readonly byte[] data;

    public ResponseApdu(ReadOnlySpan<byte> data, ushort statusWord)
    {
        this.data = data.ToArray();
        StatusWord = statusWord;
    }

    public ReadOnlyMemory<byte> Data => data;
    public ushort StatusWord { get; }
    public byte SW1 => (byte)(StatusWord >> 8);
    public byte SW2 => (byte)StatusWord;
    public bool IsSuccess => StatusWord == StatusWords.Success;

    /// <summary>x of a 63Cx answer (tries left), otherwise null.</summary>
    public int? TriesLeft => StatusWords.TriesLeft(StatusWord);

    public static ResponseApdu Status(ushort statusWord) => new([], statusWord);

    /// <summary>Splits data and status word; throws <see cref="ApduFormatException"/> when fewer than 2 bytes came back.</summary>
    public static ResponseApdu Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 2)
            throw new ApduFormatException($"A response APDU has at least the 2 status bytes, got {bytes.Length}.");
        return new ResponseApdu(bytes[..^2], (ushort)((bytes[^2] << 8) | bytes[^1]));
    }

    public byte[] Encode()
    {
        var bytes = new byte[data.Length + 2];
        data.CopyTo(bytes, 0);
        bytes[^2] = SW1;
        bytes[^1] = SW2;
        return bytes;
    }

    /// <summary>Returns the data when the status is 9000, otherwise throws <see cref="CardException"/>.</summary>
    public ReadOnlyMemory<byte> EnsureSuccess() =>
        IsSuccess ? Data : throw new CardException(StatusWord, StatusWords.Describe(StatusWord));

    public override string ToString() => Convert.ToHexString(Encode());
}
