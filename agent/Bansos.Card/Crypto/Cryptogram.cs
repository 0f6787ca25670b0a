using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Bansos.Card.Crypto;

/// <summary>
/// The payout cryptogram of docs/card-profile.md:
/// <c>CMAC(K_card, 01 ‖ cardNumberBCD(8) ‖ ATC(2) ‖ data(36) ‖ 01)</c> — 48 bytes in, the leading
/// 01 is the format version and the trailing 01 says the PIN was verified. The card computes it,
/// the payout service recomputes and compares.
/// </summary>
public static class Cryptogram
{
    public const int Length = 16;
    public const int InputLength = 48;
    private const byte FormatVersion = 0x01;
    private const byte PinVerified = 0x01;

    public static byte[] BuildInput(CardNumber cardNumber, ushort atc, ReadOnlySpan<byte> data36)
    {
        if (data36.Length != CryptogramData.Length)
            throw new ArgumentException("Cryptogram data has 36 bytes.", nameof(data36));
        var input = new byte[InputLength];
        input[0] = FormatVersion;
        cardNumber.WriteBcd(input.AsSpan(1, CardNumber.BcdLength));
        BinaryPrimitives.WriteUInt16BigEndian(input.AsSpan(9, 2), atc);
        data36.CopyTo(input.AsSpan(11));
        input[^1] = PinVerified;
        return input;
    }

    public static byte[] Compute(ReadOnlySpan<byte> kCard, CardNumber cardNumber, ushort atc, ReadOnlySpan<byte> data36)
    {
        if (kCard.Length != CardKeys.KeyLength)
            throw new ArgumentException("K_card is AES-128 (16 bytes).", nameof(kCard));
        return AesCmac.Compute(kCard, BuildInput(cardNumber, atc, data36));
    }

    public static byte[] Compute(ReadOnlySpan<byte> kCard, CardNumber cardNumber, ushort atc, CryptogramData data) =>
        Compute(kCard, cardNumber, atc, data.ToBytes());

    /// <summary>
    /// Recomputes and compares in constant time, so a forger learns nothing from how long a
    /// rejection takes. A cryptogram of the wrong length is simply not valid.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> kCard, CardNumber cardNumber, ushort atc, ReadOnlySpan<byte> data36, ReadOnlySpan<byte> cryptogram)
    {
        if (cryptogram.Length != Length) return false;
        var expected = Compute(kCard, cardNumber, atc, data36);
        var ok = CryptographicOperations.FixedTimeEquals(expected, cryptogram);
        CryptographicOperations.ZeroMemory(expected);
        return ok;
    }

    public static bool Verify(ReadOnlySpan<byte> kCard, CardNumber cardNumber, ushort atc, CryptogramData data, ReadOnlySpan<byte> cryptogram) =>
        Verify(kCard, cardNumber, atc, data.ToBytes(), cryptogram);
}
