namespace Bansos.Complaint.Domain;

/// <summary>What a history entry records.</summary>
public enum ComplaintAction
{
    Filed = 1,
    StatusChanged = 2,
    Assigned = 3,
    Note = 4,
}
