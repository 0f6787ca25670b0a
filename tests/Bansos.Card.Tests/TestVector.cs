using Bansos.Card.Crypto;

namespace Bansos.Card.Tests;

/// <summary>The docs/card-profile.md test vector, shared by every test that needs a real card.</summary>
internal static class TestVector
{
    public static readonly byte[] Imk = Hex.Bytes("000102030405060708090A0B0C0D0E0F");
    public static readonly CardNumber CardNumber = CardNumber.Parse("9900170000000011");
    public const string KdfInputHex = "0142414E534F532D4B434152440099001700000000110080";
    public const string CardKeyHex = "C29AE25AD048756A4198E09E0FBD33E2";
    public const string Puk = "08637265";
    public const long Amount = 150_000;
    public const uint PeriodId = 202111;
    public const ulong TerminalId = 257;
    public static readonly byte[] Challenge = Hex.Bytes("101112131415161718191A1B1C1D1E1F");
    public const string DataHex = "00000000000249F00003157F0000000000000101101112131415161718191A1B1C1D1E1F";
    public const string CryptogramHex = "044018E18D6955C724C9A34D96658C28";

    public const string Pin = "123456";
    public const string HouseholdReference = "KPM-1703122003-0001";
    public const string HolderName = "Siti Aminah";
    public static readonly DateOnly Expiry = new(2026, 12, 31);

    public static CryptogramData Data => new(Amount, PeriodId, TerminalId, Challenge);

    public static byte[] CardKey => Hex.Bytes(CardKeyHex);

    public static PersonalisationData Personalisation(string pin = Pin) =>
        PersonalisationData.FromIssuerMasterKey(Imk, CardNumber, HouseholdReference, HolderName, Expiry, pin);
}
