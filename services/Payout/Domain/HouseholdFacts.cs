namespace Bansos.Payout.Domain;

/// <summary>
/// What the projection knows of a household. Village and status are null until the event that
/// carries them has arrived (registry events may come in any order).
/// </summary>
public sealed record HouseholdFacts(Guid HouseholdId, string? VillageCode, string? Status, IReadOnlyCollection<string> Programmes);
