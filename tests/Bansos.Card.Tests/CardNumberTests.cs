namespace Bansos.Card.Tests;

public sealed class CardNumberTests
{
    [Fact]
    public void Round_trips_through_bcd()
    {
        var number = CardNumber.Parse("9900170000000011");

        Assert.Equal("9900170000000011", Hex.Of(number.ToBcd()));
        Assert.Equal(number, CardNumber.FromBcd(Hex.Bytes("9900170000000011")));
        Assert.Equal("9900170000000011", number.ToString());
    }

    [Theory]
    [InlineData("9900170000000012")] // Luhn fails
    [InlineData("990017000000001")]  // 15 digits
    [InlineData("99001700000000110")]
    [InlineData("99001700000000a1")]
    [InlineData("")]
    public void Rejects_invalid_numbers(string digits)
    {
        Assert.False(CardNumber.TryParse(digits, out _));
        Assert.Throws<FormatException>(() => CardNumber.Parse(digits));
    }

    [Theory]
    [InlineData("9900170000000012")]
    [InlineData("99001700000000")]
    [InlineData("9900170000000A11")]
    public void Rejects_bad_bcd(string hex)
    {
        Assert.False(CardNumber.TryFromBcd(Hex.Bytes(hex), out _));
        Assert.Throws<CardDataFormatException>(() => CardNumber.FromBcd(Hex.Bytes(hex)));
    }

    [Fact]
    public void Masks_the_middle()
    {
        Assert.Equal("990017******0011", TestVector.CardNumber.ToMaskedString());
    }

    [Fact]
    public void Default_is_not_a_card_number()
    {
        Assert.Equal("", default(CardNumber).Digits);
        Assert.Throws<InvalidOperationException>(() => default(CardNumber).ToBcd());
    }

    [Theory]
    [InlineData("990017000000001", '1')]
    [InlineData("990017000000002", '9')]
    [InlineData("7992739871", '3')] // the classic Luhn example
    public void Luhn_check_digit_completes_a_valid_number(string payload, char expected)
    {
        Assert.Equal(expected, Luhn.ComputeCheckDigit(payload));
        Assert.True(Luhn.IsValid(payload + expected));
    }
}
