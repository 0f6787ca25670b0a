namespace Bansos.Payout.Domain;

/// <summary>
/// A unit of work's total debit of one entitlement and the balance it leaves — valid only if the
/// balance is still the one read (<see cref="BalanceBefore"/>): the stores' debit refuses it otherwise.
/// </summary>
public sealed record EntitlementDebit(long EntitlementId, long Amount, long BalanceAfter)
{
    public long BalanceBefore => BalanceAfter + Amount;
}
