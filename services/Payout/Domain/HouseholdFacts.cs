using Bansos.Contracts;
namespace Bansos.Payout.Domain;

/// <summary>
/// What the projection knows of a household. Village and status are null until the event that
/// carries them has arrived (registry events may come in any order); a status this version does
/// not know reads as null too (<see cref="HouseholdStatusCodes.Read"/>). Only an active household draws.
/// </summary>
public sealed record HouseholdFacts(Guid HouseholdId, string? VillageCode, HouseholdStatus? Status, IReadOnlyCollection<string> Programmes);
