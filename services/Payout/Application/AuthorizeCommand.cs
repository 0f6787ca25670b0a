namespace Bansos.Payout.Application;

/// <summary>An AuthorizePayout request as the terminal sent it (the terminal itself comes from its token).</summary>
public sealed record AuthorizeCommand(
    string ChallengeId,
    long PeriodId,
    long Amount,
    int Atc,
    byte[] Cryptogram,
    string IdempotencyKey);
