namespace Bansos.Payout.Domain;

/// <summary>A payout row to insert, with what the attempt takes of the invariants' unique keys.</summary>
/// <param name="VerifiedAtc">Set when the attempt takes the (card, ATC) pair.</param>
/// <param name="Challenge">Set when the attempt consumes the challenge.</param>
public sealed record NewPayout(PayoutRecord Record, int Atc, int? VerifiedAtc, byte[]? Challenge);
