using Bansos.Card;
using Bansos.Payout.Keys;

namespace Bansos.Payout.Tests.Keys;

public sealed class ChallengeIssuerTests
{
    private static readonly CardNumber Card = CardNumber.Parse("9900170000000011");
    private static readonly DateTimeOffset Expiry = new(2021, 11, 15, 3, 0, 0, TimeSpan.Zero);

    private static ChallengeIssuer Issuer(byte fill = 7) => new(new InMemoryIssuerKeyStore(Enumerable.Repeat(fill, 16).ToArray()));

    [Fact]
    public void An_issued_challenge_reads_back_with_terminal_card_expiry_and_bytes()
    {
        var issuer = Issuer();
        var (challenge, id) = issuer.Issue(257, Card, Expiry);
        var read = issuer.TryRead(id);
        Assert.NotNull(read);
        Assert.Equal(257, read.TerminalId);
        Assert.Equal(Card, read.CardNumber);
        Assert.Equal(Expiry, read.ExpiresAt);
        Assert.Equal(16, read.Bytes.Length);
        Assert.Equal(challenge.Bytes.ToArray(), read.Bytes.ToArray());
    }

    [Fact]
    public void Challenges_are_fresh_each_time()
    {
        var issuer = Issuer();
        var a = issuer.Issue(257, Card, Expiry);
        var b = issuer.Issue(257, Card, Expiry);
        Assert.NotEqual(a.Id, b.Id);
        Assert.NotEqual(a.Challenge.Bytes.ToArray(), b.Challenge.Bytes.ToArray());
    }

    [Fact]
    public void A_changed_character_another_key_or_garbage_is_unknown()
    {
        var issuer = Issuer();
        var (_, id) = issuer.Issue(257, Card, Expiry);
        var chars = id.ToCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        var tampered = new string(chars);
        Assert.Null(issuer.TryRead(tampered));
        Assert.Null(Issuer(8).TryRead(id));
        Assert.Null(issuer.TryRead(""));
        Assert.Null(issuer.TryRead(null));
        Assert.Null(issuer.TryRead("not a challenge"));
        Assert.Null(issuer.TryRead(id + "AA"));
    }
}
