namespace Bansos.Payout.Domain;

/// <summary>Where beneficiaries draw: a village service post, an e-Warong shop or a bank agent.</summary>
public enum DistributionPointKind
{
    Posko = 1,
    EWarong = 2,
    BankAgent = 3,
}
