using Bansos.Payout.Domain;

namespace Bansos.Payout.Application;

/// <summary>
/// What a unit of work of authorizations (one, or a batch) comes to: an outcome per request (in
/// order), the payouts to insert and the debits to apply, one per entitlement.
/// </summary>
public sealed record AuthorizationBatchPlan(
    IReadOnlyList<AuthorizationBatchPlan.Outcome> Outcomes,
    IReadOnlyList<NewPayout> Payouts,
    IReadOnlyList<EntitlementDebit> Debits)
{
    /// <summary>A result, or the exception the caller gets instead (terminal not enrolled, idempotency key reused).</summary>
    public sealed record Outcome(AuthorizationResult? Result, Exception? Error);
}
