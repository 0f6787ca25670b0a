using Bansos.ServiceDefaults.Codes;
using Bansos.Payout.Domain;

namespace Bansos.Payout.Data;

/// <summary>
/// BeginPayout's rows (<see cref="CardView"/>) as the domain's facts: the terminal's status, the card
/// and its household (null when the card is not known), and the entitlements of OPEN periods.
/// </summary>
public sealed record CardViewFacts(TerminalStatus TerminalStatus, CardFacts? Card, HouseholdFacts? Household, IReadOnlyList<EntitlementFacts> Open)
{
    /// <summary>Null when there are no rows: the terminal is not enrolled.</summary>
    public static CardViewFacts? From(IReadOnlyList<CardView> rows)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        var first = rows[0];
        if (first is not { CardId: { } cardId, HouseholdId: { } householdId, CardStatus: { } cardStatus })
        {
            return new CardViewFacts(first.TerminalStatus, null, null, []);
        }

        var open = new List<EntitlementFacts>(rows.Count);
        foreach (var row in rows)
        {
            // The period columns are set only for OPEN periods; the schema makes the rest NOT NULL.
            if (row is { EntitlementId: { } id, PeriodId: { } periodId, PeriodCode: { } code, Programme: { } programme, StartDate: { } start,
                    EndDate: { } end, Amount: { } amount, Balance: { } balance })
            {
                open.Add(new EntitlementFacts(id, periodId, code, programme, AidPeriodStatus.Open, start, end, amount, balance));
            }
        }

        return new CardViewFacts(first.TerminalStatus, new CardFacts(cardId, householdId, CardStatusCodes.Read(cardStatus), first.ReplacedBy is not null),
            new HouseholdFacts(householdId, first.HouseholdVillage, HouseholdStatusCodes.Read(first.HouseholdStatus), []), open);
    }
}
