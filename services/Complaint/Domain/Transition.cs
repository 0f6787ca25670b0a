namespace Bansos.Complaint.Domain;

/// <summary>A change of status someone asks for.</summary>
public enum Transition
{
    /// <summary>RECEIVED → IN_PROGRESS.</summary>
    Start,

    /// <summary>IN_PROGRESS → RESOLVED, with a resolution text.</summary>
    Resolve,

    /// <summary>IN_PROGRESS → REJECTED, with a resolution text (why).</summary>
    Reject,

    /// <summary>RESOLVED → IN_PROGRESS within the reopen window.</summary>
    Reopen,
}
