namespace Bansos.Payout.Data;

/// <summary>What an authorization's snapshot is read by: the caller, its idempotency key, the challenge, the card and the period.</summary>
public sealed record AuthorizationLookup(long TerminalId, string IdempotencyKey, byte[] Challenge, string CardNumber, long PeriodId);
