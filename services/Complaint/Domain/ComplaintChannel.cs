namespace Bansos.Complaint.Domain;

/// <summary>How a complaint reached the service; the numbers match the proto enum.</summary>
public enum ComplaintChannel
{
    Posko = 1,
    Agent = 2,
    Phone = 3,
    Web = 4,

    /// <summary>Opened by the service itself from a payout decline (not a channel people file through).</summary>
    Automatic = 5,
}
