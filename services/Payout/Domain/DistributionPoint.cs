namespace Bansos.Payout.Domain;

/// <summary>A posko, e-Warong or bank agent in a village, with its terminals.</summary>
public sealed record DistributionPoint(
    long Id,
    string Name,
    DistributionPointKind Kind,
    string VillageCode,
    DateTimeOffset CreatedAt,
    IReadOnlyList<Terminal> Terminals);
