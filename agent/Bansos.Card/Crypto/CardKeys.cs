using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Bansos.Card.Crypto;

/// <summary>
/// The per-card keys of docs/card-profile.md: K_card from the issuer master key (IMK) and the card number,
/// and the 8-digit unblock code (PUK) from K_card. The payout service and the personalisation
/// tool derive K_card; the card derives the PUK itself from the K_card it holds.
/// </summary>
public static class CardKeys
{
    public const int KeyLength = 16;
    public const string CardKeyLabel = "BANSOS-KCARD";
    public const string PukLabel = "BANSOS-PUK";

    /// <summary><c>01 ‖ "BANSOS-KCARD" ‖ 00 ‖ cardNumberBCD(8) ‖ 00 80</c>, the single KDF block input.</summary>
    public static byte[] CardKeyDerivationInput(CardNumber cardNumber) =>
        Sp800108Kdf.BuildInput(1, CardKeyLabel, cardNumber.ToBcd(), KeyLength * 8);

    /// <summary>K_card = CMAC(IMK, 01 ‖ "BANSOS-KCARD" ‖ 00 ‖ cardNumberBCD ‖ 00 80).</summary>
    public static byte[] DeriveCardKey(ReadOnlySpan<byte> issuerMasterKey, CardNumber cardNumber)
    {
        if (issuerMasterKey.Length != KeyLength)
            throw new ArgumentException("The issuer master key is AES-128 (16 bytes).", nameof(issuerMasterKey));
        return Sp800108Kdf.Derive(issuerMasterKey, CardKeyLabel, cardNumber.ToBcd(), KeyLength * 8);
    }

    /// <summary>PUK = uint32(first 4 bytes of CMAC(K_card, "BANSOS-PUK")) mod 10^8, as 8 digits with leading zeros.</summary>
    public static string DerivePuk(ReadOnlySpan<byte> cardKey)
    {
        if (cardKey.Length != KeyLength)
            throw new ArgumentException("K_card is AES-128 (16 bytes).", nameof(cardKey));
        Span<byte> mac = stackalloc byte[AesCmac.BlockSize];
        using (var cmac = new AesCmac(cardKey))
            cmac.ComputeInto(Encoding.ASCII.GetBytes(PukLabel), mac);
        var value = BinaryPrimitives.ReadUInt32BigEndian(mac) % 100_000_000u;
        CryptographicOperations.ZeroMemory(mac);
        return value.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
    }
}
