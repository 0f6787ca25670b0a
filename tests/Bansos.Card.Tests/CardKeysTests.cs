using Bansos.Card.Crypto;

namespace Bansos.Card.Tests;

public sealed class CardKeysTests
{
    [Fact]
    public void Kdf_input_is_the_design_vector()
    {
        Assert.Equal(TestVector.KdfInputHex, Hex.Of(CardKeys.CardKeyDerivationInput(TestVector.CardNumber)));
    }

    [Fact]
    public void Card_key_is_the_design_vector()
    {
        Assert.Equal(TestVector.CardKeyHex, Hex.Of(CardKeys.DeriveCardKey(TestVector.Imk, TestVector.CardNumber)));
    }

    [Fact]
    public void Card_key_is_one_cmac_of_the_kdf_input()
    {
        var direct = AesCmac.Compute(TestVector.Imk, Hex.Bytes(TestVector.KdfInputHex));

        Assert.Equal(TestVector.CardKeyHex, Hex.Of(direct));
    }

    [Fact]
    public void Puk_is_the_design_vector()
    {
        Assert.Equal(TestVector.Puk, CardKeys.DerivePuk(TestVector.CardKey));
    }

    [Fact]
    public void Different_cards_get_different_keys()
    {
        var other = CardNumber.Parse("9900170000000029");

        Assert.NotEqual(TestVector.CardKeyHex, Hex.Of(CardKeys.DeriveCardKey(TestVector.Imk, other)));
    }

    [Fact]
    public void Sp800108_counter_runs_for_longer_outputs()
    {
        var key = TestVector.Imk;
        var context = TestVector.CardNumber.ToBcd();
        var output = Sp800108Kdf.Derive(key, "LABEL", context, 256);

        // Each block is the CMAC of its own input, counter 1 and 2, L = 0100 (256 bits).
        Assert.Equal(AesCmac.Compute(key, Sp800108Kdf.BuildInput(1, "LABEL", context, 256)), output[..16]);
        Assert.Equal(AesCmac.Compute(key, Sp800108Kdf.BuildInput(2, "LABEL", context, 256)), output[16..]);
        Assert.Equal("014C4142454C00" + "9900170000000011" + "0100", Hex.Of(Sp800108Kdf.BuildInput(1, "LABEL", context, 256)));
    }

    [Fact]
    public void Refuses_wrong_key_lengths()
    {
        Assert.Throws<ArgumentException>(() => CardKeys.DeriveCardKey(new byte[32], TestVector.CardNumber));
        Assert.Throws<ArgumentException>(() => CardKeys.DerivePuk(new byte[8]));
    }
}
