namespace Bansos.Payout.Domain;

/// <summary>
/// Registry events carry the aggregate's version; RabbitMQ does not keep order across
/// redeliveries, so an event only applies when it is newer than what the projection holds.
/// Households keep one version for their details (village, programmes) and one for their status,
/// because HouseholdChanged and HouseholdStatusChanged each carry only their half: a late
/// HouseholdChanged must still land after a newer status change.
/// </summary>
public static class ProjectionVersions
{
    /// <summary>Nothing stored yet is version 0; registry versions start at 1.</summary>
    public static bool IsNewer(long incoming, long stored) => incoming > stored;
}
