namespace Bansos.Payout.Domain;

/// <summary>DRAFT → OPEN → CLOSED; stored as the upper-case name.</summary>
public enum AidPeriodStatus
{
    Draft = 1,
    Open = 2,
    Closed = 3,
}
