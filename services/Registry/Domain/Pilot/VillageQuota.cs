namespace Bansos.Registry.Domain.Pilot;

/// <summary>How many households to generate in a village.</summary>
/// <param name="VillageCode">Dotted code, e.g. <c>17.03.12.2003</c>.</param>
/// <param name="Households">Number of households.</param>
/// <param name="JavanesePercent">Share of families with Javanese names (transmigrant villages are higher).</param>
public sealed record VillageQuota(string VillageCode, int Households, int JavanesePercent = 40);
