using Bansos.Registry.Domain;

namespace Bansos.Registry.Tests.Domain;

public sealed class AidCardNumberTests
{
    [Fact]
    public void Luhn_matches_the_card_profile_test_vector()
    {
        // docs/card-profile.md test vector card number.
        Assert.True(Luhn.IsValid("9900170000000011"));
        Assert.Equal('1', Luhn.CheckDigit("990017000000001"));
        Assert.True(Luhn.IsValid("79927398713")); // the classic example
        Assert.False(Luhn.IsValid("79927398710"));
    }

    [Fact]
    public void Generates_numbers_from_a_sequence_with_the_issuer_prefix()
    {
        var number = AidCardNumber.FromSequence(7_000_000_001);
        Assert.Equal("9900170000000011", number.Value);
        Assert.Equal(7_000_000_001, number.Sequence);

        for (long s = 1; s < 2000; s += 7)
        {
            var n = AidCardNumber.FromSequence(s);
            Assert.Equal(16, n.Value.Length);
            Assert.StartsWith(AidCardNumber.IssuerPrefix, n.Value, StringComparison.Ordinal);
            Assert.True(AidCardNumber.Parse(n.Value).IsValid);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => AidCardNumber.FromSequence(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AidCardNumber.FromSequence(AidCardNumber.MaxSequence + 1));
    }

    [Theory]
    [InlineData("9900170000000012", "CARD_NUMBER_CHECK_DIGIT")]
    [InlineData("990017000000001", "CARD_NUMBER_LENGTH")]
    [InlineData("99001700000000AB", "CARD_NUMBER_DIGITS")]
    [InlineData("", "REQUIRED")]
    public void Rejects_bad_numbers(string text, string code) =>
        Assert.Contains(code, AidCardNumber.Parse(text).Errors.Select(e => e.Code));
}
