using System.Buffers.Binary;
using System.Text;
using Bansos.Card.Tlv;
using static Bansos.Card.AidCardProfile;

namespace Bansos.Card;

/// <summary>
/// What SELECT returns (docs/card-profile.md):
/// <c>6F { 84 AID; A5 { 9F08 version; C2 life cycle; once personalised: 5A, C1, 5F20, 5F24, 9F36, 9F17 } }</c>.
/// A blank card has only the version and C2 = 00; a personalised one has every field.
/// </summary>
public sealed record Fci
{
    private Fci(byte profileVersion, bool isPersonalised, CardNumber? cardNumber, string? householdReference,
        string? holderName, DateOnly? expiry, ushort? atc, int? pinTriesLeft)
    {
        ProfileVersion = profileVersion;
        IsPersonalised = isPersonalised;
        CardNumber = cardNumber;
        HouseholdReference = householdReference;
        HolderName = holderName;
        Expiry = expiry;
        Atc = atc;
        PinTriesLeft = pinTriesLeft;
    }

    public byte ProfileVersion { get; }
    public bool IsPersonalised { get; }
    public CardNumber? CardNumber { get; }
    public string? HouseholdReference { get; }
    public string? HolderName { get; }
    public DateOnly? Expiry { get; }
    public ushort? Atc { get; }
    public int? PinTriesLeft { get; }

    public static Fci Blank(byte profileVersion = AidCardProfile.ProfileVersion) =>
        new(profileVersion, false, null, null, null, null, null, null);

    public static Fci Personalised(CardNumber cardNumber, string householdReference, string holderName, DateOnly expiry,
        ushort atc, int pinTriesLeft, byte profileVersion = AidCardProfile.ProfileVersion)
    {
        if (cardNumber == default) throw new ArgumentException("A card number is required.", nameof(cardNumber));
        if (!IsValidHouseholdReference(householdReference))
            throw new ArgumentException("The household reference is printable ASCII, 1-32 characters.", nameof(householdReference));
        if (!IsValidHolderName(holderName))
            throw new ArgumentException("The holder name is UTF-8 of at most 45 bytes.", nameof(holderName));
        _ = BcdDate.Encode(expiry); // range check
        if (pinTriesLeft is < 0 or > 15) throw new ArgumentOutOfRangeException(nameof(pinTriesLeft));
        return new(profileVersion, true, cardNumber, householdReference, holderName, expiry, atc, pinTriesLeft);
    }

    /// <summary>Printable ASCII (20–7E), 1 to 32 characters.</summary>
    public static bool IsValidHouseholdReference([NotNullWhen(true)] string? value) =>
        value is { Length: > 0 and <= HouseholdReferenceMaxLength } && value.All(c => c is >= ' ' and <= '~');

    /// <summary>At most 45 bytes of UTF-8 (may be empty), no control characters.</summary>
    public static bool IsValidHolderName([NotNullWhen(true)] string? value)
    {
        if (value is null || value.Any(char.IsControl)) return false;
        try
        {
            return StrictUtf8.GetByteCount(value) <= HolderNameMaxBytes;
        }
        catch (EncoderFallbackException)
        {
            return false; // a lone surrogate has no UTF-8 form
        }
    }

    public byte[] Encode()
    {
        var writer = new TlvWriter();
        writer.WriteConstructed(Tags.Fci, fci =>
        {
            fci.Write(Tags.DfName, Aid);
            fci.WriteConstructed(Tags.FciProprietary, a5 =>
            {
                a5.Write(Tags.ProfileVersion, [ProfileVersion]);
                a5.Write(Tags.LifeCycle, [IsPersonalised ? LifeCycle.Personalised : LifeCycle.Blank]);
                if (!IsPersonalised) return;
                a5.Write(Tags.CardNumber, CardNumber!.Value.ToBcd());
                a5.Write(Tags.HouseholdReference, Encoding.ASCII.GetBytes(HouseholdReference!));
                a5.Write(Tags.HolderName, Encoding.UTF8.GetBytes(HolderName!));
                a5.Write(Tags.Expiry, BcdDate.Encode(Expiry!.Value));
                Span<byte> atc = stackalloc byte[2];
                BinaryPrimitives.WriteUInt16BigEndian(atc, Atc!.Value);
                a5.Write(Tags.Atc, atc);
                a5.Write(Tags.PinTriesLeft, [(byte)PinTriesLeft!.Value]);
            });
        });
        return writer.ToArray();
    }

    /// <summary>
    /// Parses an FCI; anything that is not this profile's FCI is an <see cref="FciFormatException"/>
    /// (or <see cref="TlvFormatException"/> for broken TLV). Unknown tags inside A5 are ignored so
    /// that a later profile version can add fields.
    /// </summary>
    public static Fci Parse(ReadOnlySpan<byte> bytes)
    {
        var root = TlvReader.ParseSingle(bytes.ToArray());
        if (root.Tag != Tags.Fci) throw new FciFormatException($"An FCI starts with tag 6F, got {TlvTag.ToHex(root.Tag)}.");
        var aid = root.Find(Tags.DfName) ?? throw new FciFormatException("The FCI has no DF name (84).");
        if (!aid.Value.Span.SequenceEqual(Aid))
            throw new FciFormatException($"The FCI names AID {Convert.ToHexString(aid.Value.Span)}, not {AidHex}.");
        var a5 = root.Find(Tags.FciProprietary) ?? throw new FciFormatException("The FCI has no proprietary template (A5).");

        var version = Single(a5, Tags.ProfileVersion, 1)[0];
        var lifeCycle = Single(a5, Tags.LifeCycle, 1)[0];
        if (lifeCycle == LifeCycle.Blank) return Blank(version);
        if (lifeCycle != LifeCycle.Personalised) throw new FciFormatException($"Unknown life cycle value C2 = {lifeCycle:X2}.");

        if (!Bansos.Card.CardNumber.TryFromBcd(Single(a5, Tags.CardNumber, Bansos.Card.CardNumber.BcdLength), out var number))
            throw new FciFormatException("The card number (5A) is not 16 BCD digits with a valid Luhn digit.");
        if (!TryDecodeHouseholdReference(Required(a5, Tags.HouseholdReference), out var household))
            throw new FciFormatException("The household reference (C1) is not 1-32 printable ASCII characters.");
        if (!TryDecodeHolderName(Required(a5, Tags.HolderName), out var name))
            throw new FciFormatException("The holder name (5F20) is not UTF-8 of at most 45 bytes without control characters.");
        if (!BcdDate.TryDecode(Single(a5, Tags.Expiry, BcdDate.Length), out var expiry))
            throw new FciFormatException("The expiry (5F24) is not a valid YYMMDD BCD date.");
        var atc = BinaryPrimitives.ReadUInt16BigEndian(Single(a5, Tags.Atc, 2));
        var tries = Single(a5, Tags.PinTriesLeft, 1)[0];
        if (tries > 15) throw new FciFormatException($"PIN tries left (9F17) = {tries} is out of range.");
        return new Fci(version, true, number, household, name, expiry, atc, tries);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>Shared with the card side, which checks STORE DATA values the same way.</summary>
    public static bool TryDecodeHouseholdReference(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out string? value)
    {
        value = null;
        if (bytes.Length is 0 or > HouseholdReferenceMaxLength) return false;
        foreach (var b in bytes)
            if (b is < 0x20 or > 0x7E) return false;
        value = Encoding.ASCII.GetString(bytes);
        return true;
    }

    public static bool TryDecodeHolderName(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out string? value)
    {
        value = null;
        if (bytes.Length > HolderNameMaxBytes) return false;
        try
        {
            var text = StrictUtf8.GetString(bytes);
            if (!IsValidHolderName(text)) return false;
            value = text;
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static byte[] Required(TlvObject parent, uint tag) =>
        (parent.Find(tag) ?? throw new FciFormatException($"The FCI lacks tag {TlvTag.ToHex(tag)}.")).Value.ToArray();

    private static byte[] Single(TlvObject parent, uint tag, int length)
    {
        var value = Required(parent, tag);
        return value.Length == length
            ? value
            : throw new FciFormatException($"Tag {TlvTag.ToHex(tag)} has {value.Length} bytes, expected {length}.");
    }
}
