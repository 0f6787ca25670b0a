using Bansos.ServiceDefaults.Codes;

namespace Bansos.Payout.Domain;

/// <summary>DRAFT → OPEN → CLOSED; stored as the upper-case name.</summary>
public enum AidPeriodStatus
{
    Draft = 1,
    Open = 2,
    Closed = 3,
}

public static class AidPeriodStatusCodes
{
    public static readonly CodeMap<AidPeriodStatus> Map = new(
        (AidPeriodStatus.Draft, "DRAFT"),
        (AidPeriodStatus.Open, "OPEN"),
        (AidPeriodStatus.Closed, "CLOSED"));

    public static string ToCode(this AidPeriodStatus status) => Map.ToCode(status);
}
