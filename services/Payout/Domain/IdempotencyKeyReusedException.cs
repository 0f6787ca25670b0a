namespace Bansos.Payout.Domain;

/// <summary>
/// An idempotency key came back with different content (FSPIOP error 3106 "modified request"):
/// refused rather than answered, because the first answer would not fit the new request (gRPC ALREADY_EXISTS).
/// </summary>
public sealed class IdempotencyKeyReusedException(string message) : Exception(message);
