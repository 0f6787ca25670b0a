using Bansos.Agent.Session;
using Bansos.Card;
using Bansos.Protos.Payout.V1;
using Bansos.VirtualCard.Applet;

namespace Bansos.Agent.Tests.Unit;

/// <summary>Which card answers become which refusal (the card-side declines 16–19, docs/payout.md).</summary>
public sealed class CardRefusalTests
{
    [Fact]
    public void The_card_answers_map_to_their_refusals()
    {
        var applet = AidCardApplet.InMemory();
        var card = new AidCardClient(new InMemoryCardChannel(applet));
        card.Select();
        card.Personalise(PersonalisationData.FromIssuerMasterKey(Support.FakeCardReader.Imk, CardNumber.Parse("9900170000000011"), "KPM-1", "A", new DateOnly(2030, 1, 1), "123456"));
        card.Select();

        Assert.Null(CardRefusals.ForPin(card.Verify("000000")));                       // 63C2: ask again
        card.Verify("000000");
        Assert.Equal(CardRefusal.PinBlocked, CardRefusals.ForPin(card.Verify("000000"))); // 63C0
        Assert.Equal(CardRefusal.PinBlocked, CardRefusals.ForPin(card.Verify("123456"))); // 6983
        for (var i = 0; i < 9; i++) Assert.Null(CardRefusals.ForPin(card.Unblock("00000000", "123456")));   // 6982 wrong PUK
        Assert.Equal(CardRefusal.CardEnded, CardRefusals.ForPin(card.Unblock("00000000", "123456")));     // 6983 on UNBLOCK

        Assert.Equal(CardRefusal.NotBansosCard, CardRefusals.ForSelect(0x6A82));
        Assert.Equal(CardRefusal.CardUnreadable, CardRefusals.ForSelect(0x6F00));
        Assert.Equal(DeclineReason.CardEnded, CardRefusals.Reason(CardRefusal.CardEnded));
        Assert.Equal(DeclineReason.NotBansosCard, CardRefusals.Reason(CardRefusal.NotBansosCard));
    }
}
