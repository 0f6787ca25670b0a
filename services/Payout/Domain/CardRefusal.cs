namespace Bansos.Payout.Domain;

/// <summary>A refusal the card made itself, as the agent saw it (RecordCardRefusal); the numbers match the proto enum.</summary>
public enum CardRefusal
{
    /// <summary>Third wrong PIN: VERIFY answered 63C0 / 6983.</summary>
    PinBlocked = 1,

    /// <summary>Ten wrong PUKs: UNBLOCK answered 6983; the card is dead.</summary>
    CardEnded = 2,

    /// <summary>No usable answer from the card.</summary>
    CardUnreadable = 3,

    /// <summary>SELECT of the Bansos AID answered 6A82.</summary>
    NotBansosCard = 4,
}
