using Bansos.Card.Crypto;

namespace Bansos.Card.Tests;

public sealed class CryptogramTests
{
    [Fact]
    public void Data_is_the_design_vector()
    {
        Assert.Equal(TestVector.DataHex, Hex.Of(TestVector.Data.ToBytes()));
    }

    [Fact]
    public void Data_parses_back()
    {
        var parsed = CryptogramData.Parse(Hex.Bytes(TestVector.DataHex));

        Assert.Equal(TestVector.Data, parsed);
        Assert.Equal(150_000, parsed.Amount);
        Assert.Equal(202111u, parsed.PeriodId);
        Assert.Equal(257ul, parsed.TerminalId);
    }

    [Fact]
    public void Cryptogram_is_the_design_vector()
    {
        var cryptogram = Cryptogram.Compute(TestVector.CardKey, TestVector.CardNumber, 1, TestVector.Data);

        Assert.Equal(TestVector.CryptogramHex, Hex.Of(cryptogram));
    }

    [Fact]
    public void Cryptogram_input_is_48_bytes_with_version_and_pin_flag()
    {
        var input = Cryptogram.BuildInput(TestVector.CardNumber, 1, Hex.Bytes(TestVector.DataHex));

        Assert.Equal("01" + "9900170000000011" + "0001" + TestVector.DataHex + "01", Hex.Of(input));
    }

    [Fact]
    public void End_to_end_from_the_imk()
    {
        var kCard = CardKeys.DeriveCardKey(TestVector.Imk, TestVector.CardNumber);
        var cryptogram = Cryptogram.Compute(kCard, TestVector.CardNumber, 1, TestVector.Data.ToBytes());

        Assert.True(Cryptogram.Verify(kCard, TestVector.CardNumber, 1, TestVector.Data, Hex.Bytes(TestVector.CryptogramHex)));
        Assert.Equal(TestVector.CryptogramHex, Hex.Of(cryptogram));
    }

    [Fact]
    public void Verify_rejects_any_change()
    {
        var kCard = TestVector.CardKey;
        var good = Hex.Bytes(TestVector.CryptogramHex);
        var flipped = good.ToArray();
        flipped[15] ^= 0x01;

        Assert.False(Cryptogram.Verify(kCard, TestVector.CardNumber, 1, TestVector.Data, flipped));
        Assert.False(Cryptogram.Verify(kCard, TestVector.CardNumber, 2, TestVector.Data, good));
        Assert.False(Cryptogram.Verify(kCard, TestVector.CardNumber, 1, new CryptogramData(150_001, 202111, 257, TestVector.Challenge), good));
        Assert.False(Cryptogram.Verify(kCard, CardNumber.Parse("9900170000000029"), 1, TestVector.Data, good));
        Assert.False(Cryptogram.Verify(kCard, TestVector.CardNumber, 1, TestVector.Data, good.AsSpan(0, 8)));
    }

    [Fact]
    public void Data_checks_its_arguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CryptogramData(-1, 1, 1, TestVector.Challenge));
        Assert.Throws<ArgumentException>(() => new CryptogramData(1, 1, 1, new byte[15]));
        Assert.Throws<CardDataFormatException>(() => CryptogramData.Parse(new byte[35]));
        Assert.Throws<CardDataFormatException>(() => CryptogramData.Parse(Hex.Bytes("FF" + TestVector.DataHex[2..])));
    }
}
