namespace Bansos.Card;

/// <summary>The card's answer to GENERATE CRYPTOGRAM: the ATC it used and the 16-byte cryptogram.</summary>
public sealed record GeneratedCryptogram(ushort Atc, ReadOnlyMemory<byte> Cryptogram)
{
    public string CryptogramHex => Convert.ToHexString(Cryptogram.Span);

    public bool Equals(GeneratedCryptogram? other) =>
        other is not null && Atc == other.Atc && Cryptogram.Span.SequenceEqual(other.Cryptogram.Span);

    public override int GetHashCode() => HashCode.Combine(Atc, CryptogramHex);
}
