using Bansos.ServiceDefaults.Codes;

namespace Bansos.Payout.Domain;

/// <summary>Where beneficiaries draw: a village service post, an e-Warong shop or a bank agent.</summary>
public enum DistributionPointKind
{
    Posko = 1,
    EWarong = 2,
    BankAgent = 3,
}

public static class DistributionPointKindCodes
{
    public static readonly CodeMap<DistributionPointKind> Map = new(
        (DistributionPointKind.Posko, "POSKO"),
        (DistributionPointKind.EWarong, "E_WARONG"),
        (DistributionPointKind.BankAgent, "BANK_AGENT"));

    public static string ToCode(this DistributionPointKind kind) => Map.ToCode(kind);
}
