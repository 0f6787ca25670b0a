using Bansos.Card;
using Bansos.Card.Apdu;
using Bansos.Protos.Payout.V1;

namespace Bansos.Agent.Session;

/// <summary>Which card-side refusals are reported to the payout service, and as what (docs/agent.md).</summary>
public static class CardRefusals
{
    /// <summary>A PIN answer that ends the payout: 63C0 / 6983 on VERIFY → PIN blocked; 6983 on UNBLOCK → card ended.</summary>
    public static CardRefusal? ForPin(PinResult result) => result.Outcome switch
    {
        PinOutcome.CardEnded => CardRefusal.CardEnded,
        _ when result.IsPinBlocked => CardRefusal.PinBlocked,
        _ => null,
    };

    /// <summary>SELECT's 6A82 is another card, anything else unusable is an unreadable card.</summary>
    public static CardRefusal ForSelect(ushort statusWord) =>
        statusWord == StatusWords.FileNotFound ? CardRefusal.NotBansosCard : CardRefusal.CardUnreadable;

    public static DeclineReason Reason(CardRefusal refusal) => refusal switch
    {
        CardRefusal.PinBlocked => DeclineReason.PinBlocked,
        CardRefusal.CardEnded => DeclineReason.CardEnded,
        CardRefusal.NotBansosCard => DeclineReason.NotBansosCard,
        CardRefusal.CardUnreadable => DeclineReason.CardUnreadable,
        _ => DeclineReason.Unspecified,
    };
}
