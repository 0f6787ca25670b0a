namespace Bansos.Complaint.Domain;

/// <summary>A ticket measured against its due time; the numbers match the proto enum.</summary>
public enum SlaState
{
    OnTime = 1,

    /// <summary>Open with less than a quarter of its time left.</summary>
    AtRisk = 2,

    /// <summary>Open past its due time, or closed after it.</summary>
    Breached = 3,

    /// <summary>Closed in time.</summary>
    Met = 4,
}
