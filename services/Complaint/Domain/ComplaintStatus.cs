namespace Bansos.Complaint.Domain;

/// <summary>Where a ticket is in its workflow (<see cref="ComplaintWorkflow"/>); the numbers match the proto enum.</summary>
public enum ComplaintStatus
{
    Received = 1,
    InProgress = 2,
    Resolved = 3,
    Rejected = 4,
}
