using System.Text;
using Bansos.Card.Apdu;
using Bansos.Card.Tlv;
using static Bansos.Card.AidCardProfile;

namespace Bansos.Card;

/// <summary>
/// Turns <see cref="PersonalisationData"/> into the STORE DATA commands and the final LOCK of
/// docs/card-profile.md. TLVs are packed greedily into commands, never split across two, so that the card
/// can check each command on its own.
/// </summary>
public static class Personalisation
{
    /// <summary>The six TLVs in the order the profile lists them: 5A, C1, 5F20, 5F24, C3, C4.</summary>
    public static IReadOnlyList<byte[]> BuildTlvs(PersonalisationData data) =>
    [
        Encode(Tags.CardNumber, data.CardNumber.ToBcd()),
        Encode(Tags.HouseholdReference, Encoding.ASCII.GetBytes(data.HouseholdReference)),
        Encode(Tags.HolderName, Encoding.UTF8.GetBytes(data.HolderName)),
        Encode(Tags.Expiry, BcdDate.Encode(data.Expiry)),
        Encode(Tags.CardKey, data.CardKey.Span),
        Encode(Tags.PinBlock, PinBlock.FromPin(data.Pin)),
    ];

    /// <summary>STORE DATA commands (<c>80 E2 00 00 Lc TLVs</c>), each at most <paramref name="maxDataLength"/> bytes of whole TLVs.</summary>
    public static IReadOnlyList<CommandApdu> BuildStoreDataCommands(PersonalisationData data, int maxDataLength = StoreDataMaxLength) =>
        Pack(BuildTlvs(data), maxDataLength).Select(AidCardCommands.StoreData).ToArray();

    /// <summary>The whole sequence: STORE DATA commands, then LOCK.</summary>
    public static IReadOnlyList<CommandApdu> BuildCommands(PersonalisationData data, int maxDataLength = StoreDataMaxLength) =>
        [.. BuildStoreDataCommands(data, maxDataLength), AidCardCommands.Lock()];

    /// <summary>Packs encoded TLVs, in order, into chunks of at most <paramref name="maxDataLength"/> bytes.</summary>
    public static IReadOnlyList<byte[]> Pack(IEnumerable<byte[]> tlvs, int maxDataLength = StoreDataMaxLength)
    {
        if (maxDataLength is < 1 or > StoreDataMaxLength) throw new ArgumentOutOfRangeException(nameof(maxDataLength));
        var chunks = new List<byte[]>();
        var current = new List<byte>();
        foreach (var tlv in tlvs)
        {
            if (tlv.Length > maxDataLength)
                throw new ArgumentException($"A TLV of {tlv.Length} bytes does not fit in {maxDataLength} bytes.", nameof(tlvs));
            if (current.Count + tlv.Length > maxDataLength)
            {
                chunks.Add([.. current]);
                current.Clear();
            }
            current.AddRange(tlv);
        }
        if (current.Count > 0) chunks.Add([.. current]);
        return chunks;
    }

    private static byte[] Encode(uint tag, ReadOnlySpan<byte> value) => new TlvWriter().Write(tag, value).ToArray();
}
