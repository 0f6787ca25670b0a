namespace Bansos.Agent.Storage;

/// <summary>
/// An AuthorizePayout request as it was (or is about to be) sent, kept until the payout service
/// answers it. The card is not needed to send it again: the same key and content make the
/// service answer the first attempt's result instead of paying twice. Holds no personal data
/// (the card number is masked) and no secret (a cryptogram is bound to one challenge and amount).
/// </summary>
public sealed record PendingPayout(
    string IdempotencyKey,
    string ChallengeId,
    uint PeriodId,
    string PeriodCode,
    long Amount,
    uint Atc,
    byte[] Cryptogram,
    string MaskedCard,
    long TerminalId,
    DateTimeOffset CreatedAt);
