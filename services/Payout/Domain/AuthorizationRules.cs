using Bansos.Contracts;
namespace Bansos.Payout.Domain;

/// <summary>
/// docs/architecture.md §5 step 5 as one ordered list of checks; the first that fails names the decline.
/// The order is deliberate: the terminal and the challenge come first (nothing else is looked at
/// for a caller we did not prompt), then the cryptogram (until it verifies, the card's data in
/// the request is unauthenticated), then the ATC, then the card, household, entitlement, period
/// window and balance. The balance check here is advisory: the conditional debit in the same
/// transaction is what holds under concurrency.
/// </summary>
public static class AuthorizationRules
{
    public static AuthorizationDecision Decide(AuthorizationFacts facts)
    {
        // Only a genuine challenge of this terminal makes an attempt worth a payout row: the
        // service issued it, so their number is bounded by BeginPayout's lookup limit.
        var backed = facts.Challenge is { } c && c.TerminalId == facts.CallerTerminalId;
        if (!facts.TerminalActive)
        {
            return backed
                ? AuthorizationDecision.Decline(DeclineReason.TerminalDisabled, false, false)
                : AuthorizationDecision.Unrecorded(DeclineReason.TerminalDisabled);
        }

        if (facts.Challenge is not { } challenge)
        {
            return AuthorizationDecision.Unrecorded(DeclineReason.ChallengeUnknown);
        }

        if (!backed)
        {
            return AuthorizationDecision.Unrecorded(DeclineReason.ChallengeOtherTerminal);
        }

        if (facts.ChallengeUsed)
        {
            return AuthorizationDecision.Decline(DeclineReason.ChallengeUsed, false, false);
        }

        if (facts.Now > challenge.ExpiresAt)
        {
            return AuthorizationDecision.Decline(DeclineReason.ChallengeExpired, false, false);
        }

        // From here on the attempt uses the challenge up, whatever the answer.
        if (facts.Amount <= 0)
        {
            return AuthorizationDecision.Decline(DeclineReason.InvalidAmount, true, false);
        }

        if (!facts.CryptogramValid)
        {
            return AuthorizationDecision.Decline(DeclineReason.BadCryptogram, true, false);
        }

        if (facts.HighestAtcSeen is { } highest && facts.Atc <= highest)
        {
            return AuthorizationDecision.Decline(DeclineReason.ReplayedAtc, true, false);
        }

        // The cryptogram is genuine and fresh: its ATC is spent from here on, approved or not.
        if (facts.Card is not { } card)
        {
            // Projection rows are never deleted, so a challenge's card is always known; be safe anyway.
            return AuthorizationDecision.Decline(DeclineReason.NoOpenEntitlement, true, true);
        }

        if (card.Refusal is { } cardRefusal)
        {
            return AuthorizationDecision.Decline(cardRefusal, true, true);
        }

        if (facts.Household?.Status != HouseholdStatus.Active)
        {
            return AuthorizationDecision.Decline(DeclineReason.HouseholdNotActive, true, true);
        }

        if (facts.Entitlement is not { PeriodStatus: AidPeriodStatus.Open } entitlement)
        {
            return AuthorizationDecision.Decline(DeclineReason.NoOpenEntitlement, true, true);
        }

        var today = BusinessCalendar.BusinessDate(facts.Now);
        if (today < entitlement.StartDate || today > entitlement.EndDate)
        {
            return AuthorizationDecision.Decline(DeclineReason.OutsidePeriodWindow, true, true);
        }

        if (entitlement.Balance < facts.Amount)
        {
            return AuthorizationDecision.Decline(DeclineReason.InsufficientBalance, true, true);
        }

        return AuthorizationDecision.Approve();
    }
}
