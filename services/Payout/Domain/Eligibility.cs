using Bansos.Contracts;
namespace Bansos.Payout.Domain;

/// <summary>
/// docs/architecture.md §3: a household is entitled to a period when it is ACTIVE, enrolled in the period's
/// programme and lives in a covered village. Opening a period applies the same rule in SQL over
/// all households at once (Data/PeriodStore.OpenAsync); the tests hold the two together.
/// </summary>
public static class Eligibility
{
    public static bool IsEligible(HouseholdFacts household, AidPeriod period) =>
        period.Status == AidPeriodStatus.Open &&
        household.Status == HouseholdStatus.Active &&
        household.VillageCode is not null &&
        period.VillageCodes.Contains(household.VillageCode, StringComparer.Ordinal) &&
        household.Programmes.Contains(period.Programme, StringComparer.Ordinal);
}
