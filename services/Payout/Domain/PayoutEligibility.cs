using Bansos.Contracts;
namespace Bansos.Payout.Domain;

/// <summary>
/// BeginPayout's answer to "can this card draw here now?": the same card, household and terminal
/// checks as an authorization, before any challenge is issued. Null means yes.
/// </summary>
public static class PayoutEligibility
{
    public static DeclineReason? CheckCard(bool terminalActive, CardFacts card, HouseholdFacts? household, IReadOnlyCollection<EntitlementFacts> openEntitlements)
    {
        if (!terminalActive)
        {
            return DeclineReason.TerminalDisabled;
        }

        if (card.Refusal is { } refusal)
        {
            return refusal;
        }

        if (household?.Status != HouseholdStatus.Active)
        {
            return DeclineReason.HouseholdNotActive;
        }

        // A used-up entitlement is still shown, but there is nothing left to draw from it.
        return openEntitlements.Any(e => e.Balance > 0) ? null : DeclineReason.NoOpenEntitlement;
    }
}
