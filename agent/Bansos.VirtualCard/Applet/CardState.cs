using Bansos.Card;
using Bansos.Card.Crypto;
using static Bansos.Card.AidCardProfile;

namespace Bansos.VirtualCard.Applet;

/// <summary>
/// Everything the card keeps across power cycles: the personalised fields (staged by STORE DATA
/// and fixed by LOCK), K_card, the PIN block, the PIN and PUK try counters and the ATC. Immutable:
/// the applet builds the next state, persists it, and only then adopts it, so a failed write never
/// leaves memory and file disagreeing.
/// </summary>
/// <remarks>Byte arrays are never mutated after construction.</remarks>
public sealed record CardState
{
    public static CardState Blank { get; } = new();

    public bool Locked { get; init; }
    public CardNumber? CardNumber { get; init; }
    public string? HouseholdReference { get; init; }
    public string? HolderName { get; init; }
    public DateOnly? Expiry { get; init; }
    public byte[]? CardKey { get; init; }
    public byte[]? PinBlock { get; init; }
    public int PinTriesLeft { get; init; } = PinTries;
    public int PukTriesLeft { get; init; } = PukTries;
    public ushort Atc { get; init; }

    /// <summary>Every tag LOCK requires has been stored.</summary>
    public bool IsComplete =>
        CardNumber is not null && HouseholdReference is not null && HolderName is not null && Expiry is not null &&
        CardKey is not null && PinBlock is not null;

    /// <summary>Ten wrong PUKs: nothing PIN-related works any more.</summary>
    public bool IsEnded => PukTriesLeft == 0;

    /// <summary>Throws <see cref="InvalidDataException"/> when a loaded state breaks the card's invariants.</summary>
    public void Validate()
    {
        if (PinTriesLeft is < 0 or > PinTries) throw new InvalidDataException($"PIN tries left {PinTriesLeft} is outside 0..{PinTries}.");
        if (PukTriesLeft is < 0 or > PukTries) throw new InvalidDataException($"PUK tries left {PukTriesLeft} is outside 0..{PukTries}.");
        if (CardKey is not null && CardKey.Length != CardKeys.KeyLength) throw new InvalidDataException("K_card must have 16 bytes.");
        if (PinBlock is not null && !Bansos.Card.PinBlock.IsValidPinBlock(PinBlock)) throw new InvalidDataException("The PIN block is not a 6-digit format-2 block.");
        if (HouseholdReference is not null && !Fci.IsValidHouseholdReference(HouseholdReference)) throw new InvalidDataException("Invalid household reference.");
        if (HolderName is not null && !Fci.IsValidHolderName(HolderName)) throw new InvalidDataException("Invalid holder name.");
        if (Expiry is { Year: < 2000 or > 2099 }) throw new InvalidDataException("Expiry outside 2000-2099.");
        if (Locked && !IsComplete) throw new InvalidDataException("A locked card must hold every personalisation field.");
    }

    /// <summary>Never prints keys or the PIN block.</summary>
    public override string ToString() =>
        $"CardState {{ Locked = {Locked}, CardNumber = {CardNumber?.ToMaskedString()}, PinTriesLeft = {PinTriesLeft}, PukTriesLeft = {PukTriesLeft}, Atc = {Atc} }}";
}
