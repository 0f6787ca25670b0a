using Bansos.Card;
using Bansos.Card.Crypto;
using Bansos.Payout.Keys;

namespace Bansos.Payout.Tests.Keys;

/// <summary>docs/card-profile.md's test vector through the payout service's own path: key store → cached K_card → verifier.</summary>
public sealed class CryptogramVectorTests
{
    private static readonly byte[] Imk = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");
    private static readonly CardNumber Card = CardNumber.Parse("9900170000000011");
    private static readonly byte[] Challenge = Convert.FromHexString("101112131415161718191A1B1C1D1E1F");
    private static readonly byte[] Expected = Convert.FromHexString("044018E18D6955C724C9A34D96658C28");

    private static CryptogramVerifier Verifier(out IIssuerKeyStore store)
    {
        store = new InMemoryIssuerKeyStore(Imk);
        return new CryptogramVerifier(new CardKeyCache(store, new PayoutOptions()));
    }

    [Fact]
    public void The_key_store_derives_the_vector_card_key_and_puk()
    {
        var store = new InMemoryIssuerKeyStore(Imk);
        var cardKey = store.DeriveCardKey(Card);
        Assert.Equal("C29AE25AD048756A4198E09E0FBD33E2", Convert.ToHexString(cardKey));
        Assert.Equal("08637265", CardKeys.DerivePuk(cardKey));
        Assert.Equal("0142414E534F532D4B434152440099001700000000110080", Convert.ToHexString(CardKeys.CardKeyDerivationInput(Card)));
    }

    [Fact]
    public void The_vector_cryptogram_verifies()
    {
        var verifier = Verifier(out _);
        Assert.Equal("00000000000249F00003157F0000000000000101101112131415161718191A1B1C1D1E1F",
            new CryptogramData(150_000, 202111, 257, Challenge).ToString());
        Assert.True(verifier.Verify(Card, 1, 150_000, 202111, 257, Challenge, Expected));
        // twice: the second comes from the key cache
        Assert.True(verifier.Verify(Card, 1, 150_000, 202111, 257, Challenge, Expected));
    }

    [Theory]
    [InlineData(2, 150_000, 202111u, 257ul)]   // another ATC
    [InlineData(1, 150_001, 202111u, 257ul)]   // another amount
    [InlineData(1, 150_000, 202112u, 257ul)]   // another period
    [InlineData(1, 150_000, 202111u, 258ul)]   // another terminal
    public void Any_other_field_fails(int atc, long amount, uint periodId, ulong terminalId)
    {
        Assert.False(Verifier(out _).Verify(Card, (ushort)atc, amount, periodId, terminalId, Challenge, Expected));
    }

    [Fact]
    public void A_flipped_bit_or_a_short_cryptogram_fails()
    {
        var verifier = Verifier(out _);
        var forged = (byte[])Expected.Clone();
        forged[15] ^= 0x01;
        Assert.False(verifier.Verify(Card, 1, 150_000, 202111, 257, Challenge, forged));
        Assert.False(verifier.Verify(Card, 1, 150_000, 202111, 257, Challenge, Expected.AsSpan(0, 15)));
        Assert.False(verifier.Verify(Card, 1, -1, 202111, 257, Challenge, Expected));
    }
}
