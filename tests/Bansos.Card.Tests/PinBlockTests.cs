namespace Bansos.Card.Tests;

public sealed class PinBlockTests
{
    [Fact]
    public void Pin_block_is_the_design_example()
    {
        Assert.Equal("26123456FFFFFFFF", Hex.Of(PinBlock.FromPin("123456")));
    }

    [Fact]
    public void Puk_block_is_28_then_four_bcd_bytes_then_FF()
    {
        Assert.Equal("2808637265FFFFFF", Hex.Of(PinBlock.FromPuk(TestVector.Puk)));
    }

    [Theory]
    [InlineData("000000")]
    [InlineData("999999")]
    [InlineData("102938")]
    public void Pin_round_trips(string pin)
    {
        Assert.True(PinBlock.TryDecodePin(PinBlock.FromPin(pin), out var decoded));
        Assert.Equal(pin, decoded);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12345a")]
    [InlineData("")]
    [InlineData("１２３４５６")] // full-width digits are not ASCII digits
    public void Rejects_pins_that_are_not_six_digits(string pin)
    {
        Assert.False(PinBlock.IsValidPin(pin));
        var e = Assert.Throws<ArgumentException>(() => PinBlock.FromPin(pin));
        Assert.StartsWith("PIN harus 6 angka", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("26123456FFFFFFFF", true)]
    [InlineData("2612345AFFFFFFFF", false)] // A is not a digit
    [InlineData("26123456FFFFFFF0", false)] // padding must be F
    [InlineData("36123456FFFFFFFF", false)] // control nibble must be 2
    [InlineData("2412345FFFFFFFFF", false)] // four digits: a valid block, but not a PIN
    [InlineData("2808637265FFFFFF", false)] // a PUK block is not a PIN block
    [InlineData("26123456FFFFFF", false)]   // 7 bytes
    [InlineData("26123456FFFFFFFFFF", false)]
    public void Validates_pin_blocks(string hex, bool valid)
    {
        Assert.Equal(valid, PinBlock.IsValidPinBlock(Hex.Bytes(hex)));
    }

    [Theory]
    [InlineData("2808637265FFFFFF", "08637265")]
    [InlineData("2412345FFFFFFFFF", null)]
    [InlineData("28086372F5FFFFFF", null)]
    public void Decodes_puk_blocks(string hex, string? expected)
    {
        var ok = PinBlock.TryDecodePuk(Hex.Bytes(hex), out var puk);

        Assert.Equal(expected is not null, ok);
        Assert.Equal(expected, puk);
    }

    [Theory]
    [InlineData("1234", "241234FFFFFFFFFF")]
    [InlineData("123456789012", "2C123456789012FF")]
    public void Encodes_any_iso_9564_format_2_length(string digits, string hex)
    {
        Assert.Equal(hex, Hex.Of(PinBlock.Encode(digits)));
        Assert.True(PinBlock.TryDecode(Hex.Bytes(hex), out var decoded));
        Assert.Equal(digits, decoded);
    }
}
