using System.Reflection;
using System.Text.RegularExpressions;
using Bansos.Agent.Messages;
using Bansos.Card.Apdu;
using Bansos.Protos.Payout.V1;

namespace Bansos.Agent.Tests.Unit;

/// <summary>Every message, decline reason and card status word has plain Indonesian and English text.</summary>
public sealed partial class MessageCatalogTests
{
    [Fact]
    public void Every_message_has_both_languages_with_the_same_placeholders()
    {
        foreach (var id in Enum.GetValues<Msg>())
        {
            var text = MessageCatalog.Get(id);
            Assert.False(string.IsNullOrWhiteSpace(text.Indonesian), $"{id} has no Indonesian text");
            Assert.False(string.IsNullOrWhiteSpace(text.English), $"{id} has no English text");
            Assert.Equal(Placeholders(text.Indonesian), Placeholders(text.English));
            AssertPlain(text.Indonesian);
            AssertPlain(text.English);
        }
    }

    [Fact]
    public void Every_decline_reason_has_both_languages()
    {
        foreach (var reason in Enum.GetValues<DeclineReason>())
        {
            Assert.True(MessageCatalog.HasDecline(reason), $"{reason} has no text");
            var text = MessageCatalog.Decline(reason);
            Assert.NotEqual(text.Indonesian, text.English);
            AssertPlain(text.Indonesian);
            AssertPlain(text.English);
        }
        Assert.Equal("PIN terblokir. Arahkan penerima ke posko untuk membuka blokir.", MessageCatalog.Decline(DeclineReason.PinBlocked).Indonesian);
    }

    public static TheoryData<ushort> StatusWordsOfTheProfile()
    {
        var data = new TheoryData<ushort>();
        foreach (var field in typeof(StatusWords).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(ushort)))
            data.Add((ushort)field.GetRawConstantValue()!);
        foreach (var extra in new ushort[] { 0x63C2, 0x63C1, 0x6110, 0x6C51, 0x6A88, 0x9999 }) data.Add(extra);
        return data;
    }

    [Theory]
    [MemberData(nameof(StatusWordsOfTheProfile))]
    public void Every_card_status_word_has_plain_text_in_both_languages(ushort statusWord)
    {
        var id = MessageCatalog.CardStatus(statusWord, Language.Indonesian);
        var en = MessageCatalog.CardStatus(statusWord, Language.English);
        Assert.NotEqual(id, en);
        AssertPlain(id);
        AssertPlain(en);
        Assert.DoesNotContain(statusWord.ToString("X4", System.Globalization.CultureInfo.InvariantCulture), id);
    }

    [Fact]
    public void A_wrong_PIN_says_how_many_tries_are_left()
    {
        Assert.Equal("PIN salah, sisa 2 kali percobaan. Minta penerima mengetik PIN lagi dengan teliti.", MessageCatalog.CardStatus(0x63C2, Language.Indonesian));
        Assert.Equal("Wrong PIN, 1 tries left. Ask the beneficiary to type the PIN again carefully.", MessageCatalog.CardStatus(0x63C1, Language.English));
        Assert.Contains("terblokir", MessageCatalog.CardStatus(0x63C0, Language.Indonesian));
    }

    [Theory]
    [InlineData(200_000, "Rp 200.000")]
    [InlineData(0, "Rp 0")]
    [InlineData(1_234_567, "Rp 1.234.567")]
    [InlineData(950, "Rp 950")]
    public void Rupiah_have_Indonesian_thousands_separators(long amount, string text) => Assert.Equal(text, Rupiah.Format(amount));

    [Theory]
    [InlineData("150000", 150_000)]
    [InlineData("150.000", 150_000)]
    [InlineData("Rp 1.250.000", 1_250_000)]
    [InlineData(" rp200.000 ", 200_000)]
    public void Rupiah_are_read_as_operators_type_them(string text, long amount)
    {
        Assert.True(Rupiah.TryParse(text, out var parsed));
        Assert.Equal(amount, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("150,000")]
    [InlineData("1.50")]
    [InlineData("-5")]
    [InlineData("abc")]
    [InlineData("1.0000")]
    public void Anything_else_is_not_an_amount(string text) => Assert.False(Rupiah.TryParse(text, out _));

    private static string[] Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order()];

    /// <summary>Plain words: no exception names, no raw status words, no stack traces.</summary>
    private static void AssertPlain(string text)
    {
        Assert.DoesNotContain("Exception", text);
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotMatch(StatusWordPattern(), text);
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"\b(6[1-9A-F]|9[0-9])[0-9A-F]{2}\b")]
    private static partial Regex StatusWordPattern();
}
