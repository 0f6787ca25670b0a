using Bansos.Card.Crypto;

namespace Bansos.Card;

/// <summary>
/// Everything written to a blank card before LOCK: the fields of the FCI, K_card and the
/// initial PIN. Checked on construction so a bad record never reaches a card.
/// </summary>
public sealed record PersonalisationData
{
    private readonly byte[] cardKey;

    public PersonalisationData(CardNumber cardNumber, string householdReference, string holderName, DateOnly expiry,
        ReadOnlySpan<byte> cardKey, string pin)
    {
        CheckFields(cardNumber, householdReference, holderName, expiry, pin);
        if (cardKey.Length != CardKeys.KeyLength) throw new ArgumentException("K_card has 16 bytes.", nameof(cardKey));
        CardNumber = cardNumber;
        HouseholdReference = householdReference;
        HolderName = holderName;
        Expiry = expiry;
        this.cardKey = cardKey.ToArray();
        Pin = pin;
    }

    /// <summary>
    /// The profile's limits on everything but the key, so a record read before its key exists
    /// (<see cref="PersonalisationFile"/>) is checked by the same rules.
    /// </summary>
    /// <exception cref="ArgumentException">A field breaks a limit; the message names the field, never its value.</exception>
    internal static void CheckFields(CardNumber cardNumber, string householdReference, string holderName, DateOnly expiry, string pin)
    {
        if (cardNumber == default) throw new ArgumentException("A card number is required.", nameof(cardNumber));
        if (!Fci.IsValidHouseholdReference(householdReference))
            throw new ArgumentException("Referensi keluarga harus 1-32 karakter ASCII (household reference must be 1-32 printable ASCII characters).", nameof(householdReference));
        if (!Fci.IsValidHolderName(holderName))
            throw new ArgumentException("Nama pemegang maksimal 45 byte UTF-8 (holder name must be at most 45 bytes of UTF-8).", nameof(holderName));
        if (expiry.Year is < 2000 or > 2099) throw new ArgumentOutOfRangeException(nameof(expiry), expiry, "Expiry must be in 2000-2099.");
        if (!PinBlock.IsValidPin(pin)) throw new ArgumentException("PIN harus 6 angka (the PIN must be 6 digits).", nameof(pin));
    }

    /// <summary>Derives K_card from the issuer master key, the way the payout service will.</summary>
    public static PersonalisationData FromIssuerMasterKey(ReadOnlySpan<byte> issuerMasterKey, CardNumber cardNumber,
        string householdReference, string holderName, DateOnly expiry, string pin) =>
        new(cardNumber, householdReference, holderName, expiry, CardKeys.DeriveCardKey(issuerMasterKey, cardNumber), pin);

    public CardNumber CardNumber { get; }
    public string HouseholdReference { get; }
    public string HolderName { get; }
    public DateOnly Expiry { get; }
    public ReadOnlyMemory<byte> CardKey => cardKey;
    public string Pin { get; }

    public bool Equals(PersonalisationData? other) =>
        other is not null && CardNumber == other.CardNumber && HouseholdReference == other.HouseholdReference &&
        HolderName == other.HolderName && Expiry == other.Expiry && cardKey.AsSpan().SequenceEqual(other.cardKey) && Pin == other.Pin;

    public override int GetHashCode() => HashCode.Combine(CardNumber, HouseholdReference, HolderName, Expiry);

    /// <summary>Never prints the key or the PIN.</summary>
    public override string ToString() => $"PersonalisationData {{ CardNumber = {CardNumber.ToMaskedString()}, Expiry = {Expiry:yyyy-MM-dd} }}";
}
