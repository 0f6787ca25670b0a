namespace Bansos.Payout.Data;

/// <summary>What an authorisation's snapshot is read by: the caller, its idempotency key, the challenge, the card and the period.</summary>
public sealed record AuthorisationLookup(long TerminalId, string IdempotencyKey, byte[] Challenge, string CardNumber, long PeriodId);
