using Bansos.Payout.Domain;

namespace Bansos.Payout.Application;

/// <summary>
/// What a batch of authorisations comes to: an outcome per request (in order), the payouts to
/// insert and the debits to apply, one per entitlement with the balance it must end at.
/// </summary>
public sealed record AuthorisationBatchPlan(
    IReadOnlyList<AuthorisationBatchPlan.Outcome> Outcomes,
    IReadOnlyList<AuthorisationBatchPlan.NewPayout> Payouts,
    IReadOnlyList<AuthorisationBatchPlan.Debit> Debits)
{
    /// <summary>A result, or the exception the caller gets instead (terminal not enrolled, idempotency key reused).</summary>
    public sealed record Outcome(AuthorisationResult? Result, Exception? Error);

    /// <param name="VerifiedAtc">Set when the attempt takes the (card, ATC) pair.</param>
    /// <param name="Challenge">Set when the attempt consumes the challenge.</param>
    public sealed record NewPayout(PayoutRecord Record, int Atc, int? VerifiedAtc, byte[]? Challenge);

    /// <summary>The batch's total debit of one entitlement and the balance it leaves, if nobody else touched it meanwhile.</summary>
    public sealed record Debit(long EntitlementId, long Amount, long BalanceAfter);
}
