using Bansos.Card;
using Bansos.Card.Crypto;

namespace Bansos.SmartCard.Tests.Support;

/// <summary>The docs/card-profile.md test vector's keys and card, and per-test state files.</summary>
internal static class TestCards
{
    public static readonly byte[] Imk = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");
    public static readonly CardNumber Number = CardNumber.Parse("9900170000000011");
    public static readonly CardNumber OtherNumber = CardNumber.Parse("9900170000000029");
    public const string Pin = "123456";

    public static PersonalisationData Data(CardNumber? number = null, string holder = "SITI AMINAH") =>
        PersonalisationData.FromIssuerMasterKey(Imk, number ?? Number, "KPM-1703122003-0001", holder, new DateOnly(2027, 12, 31), Pin);

    public static string Puk(CardNumber number) => CardKeys.DerivePuk(CardKeys.DeriveCardKey(Imk, number));

    /// <summary>The 36 bytes of the docs/card-profile.md example: 150 000 rupiah, period 202111, terminal 257, challenge 10..1F.</summary>
    public static CryptogramData ExampleData() =>
        new(150_000, 202111, 257, Convert.FromHexString("101112131415161718191A1B1C1D1E1F"));

    /// <summary>A state file path in a fresh temporary folder, removed by <see cref="TempFolder.Dispose"/>.</summary>
    public static TempFolder NewFolder() => new();
}
