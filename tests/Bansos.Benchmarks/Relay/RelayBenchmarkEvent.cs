namespace Bansos.Benchmarks.Relay;

/// <summary>
/// The relay benchmark's event: the size and shape of a household event (ids, version, a few
/// fields), on an exchange of its own so that no service's consumer receives it.
/// </summary>
public sealed record RelayBenchmarkEvent(Guid HouseholdId, long Version, string VillageCode, string Status, int Members, DateTimeOffset At);
