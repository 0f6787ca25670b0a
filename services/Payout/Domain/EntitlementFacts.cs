namespace Bansos.Payout.Domain;

/// <summary>A household's entitlement in one period, with the period facts an authorization checks.</summary>
public sealed record EntitlementFacts(
    long EntitlementId,
    long PeriodId,
    string PeriodCode,
    string Programme,
    AidPeriodStatus PeriodStatus,
    DateOnly StartDate,
    DateOnly EndDate,
    long Amount,
    long Balance);
