using Bansos.Card;

namespace Bansos.Payout.Keys;

/// <summary>
/// Where the issuer master key (IMK) lives. Callers get derived keys only, never the IMK, so a
/// PKCS#11 HSM can replace the file store by deriving inside the device.
/// </summary>
public interface IIssuerKeyStore
{
    /// <summary>K_card for <paramref name="cardNumber"/> (docs/card-profile.md KDF). The caller owns the array.</summary>
    byte[] DeriveCardKey(CardNumber cardNumber);

    /// <summary>A 32-byte key for one of the service's own MACs, separated from card keys by its label.</summary>
    byte[] DeriveServiceKey(string label);
}
