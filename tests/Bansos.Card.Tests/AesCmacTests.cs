using Bansos.Card.Crypto;

namespace Bansos.Card.Tests;

public sealed class AesCmacTests
{
    private const string Key = "2B7E151628AED2A6ABF7158809CF4F3C";
    private const string Message64 =
        "6BC1BEE22E409F96E93D7E117393172A" + "AE2D8A571E03AC9C9EB76FAC45AF8E51" +
        "30C81C46A35CE411E5FBC1191A0A52EF" + "F69F2445DF4F9B17AD2B417BE66C3710";

    [Theory]
    // RFC 4493 §4, examples 1-4: empty, one block, 40 bytes (padded), four blocks.
    [InlineData(0, "BB1D6929E95937287FA37D129B756746")]
    [InlineData(16, "070A16B46B4D4144F79BDD9DD04A287C")]
    [InlineData(40, "DFA66747DE9AE63030CA32611497C827")]
    [InlineData(64, "51F0BEBF7E3B9D92FC49741779363CFE")]
    public void Matches_RFC_4493_examples(int length, string expected)
    {
        var message = Hex.Bytes(Message64)[..length];

        Assert.Equal(expected, Hex.Of(AesCmac.Compute(Hex.Bytes(Key), message)));
    }

    [Fact]
    public void An_instance_gives_the_same_mac_on_reuse()
    {
        using var cmac = new AesCmac(Hex.Bytes(Key));
        var first = cmac.Compute(Hex.Bytes(Message64).AsSpan(0, 40));
        var second = cmac.Compute(Hex.Bytes(Message64).AsSpan(0, 40));

        Assert.Equal("DFA66747DE9AE63030CA32611497C827", Hex.Of(first));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Refuses_a_key_that_is_not_AES()
    {
        Assert.Throws<ArgumentException>(() => AesCmac.Compute(new byte[15], []));
    }
}
