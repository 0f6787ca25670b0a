namespace Bansos.Payout.Domain;

/// <summary>
/// Why an authorization was declined. <see cref="DeclineReasons.Code"/> is the stored and
/// published form (PayoutDeclined.Reason); the numbers match the proto enum.
/// </summary>
public enum DeclineReason
{
    CardBlocked = 1,
    CardLost = 2,
    CardReplaced = 3,
    HouseholdNotActive = 4,
    NoOpenEntitlement = 5,
    InsufficientBalance = 6,
    BadCryptogram = 7,
    ReplayedAtc = 8,
    ChallengeUnknown = 9,
    ChallengeExpired = 10,
    ChallengeUsed = 11,
    ChallengeOtherTerminal = 12,
    TerminalDisabled = 13,
    OutsidePeriodWindow = 14,
    InvalidAmount = 15,

    // Card-side refusals (RecordCardRefusal): the card said no before the service was asked.
    PinBlocked = 16,
    CardEnded = 17,
    CardUnreadable = 18,
    NotBansosCard = 19,
}
