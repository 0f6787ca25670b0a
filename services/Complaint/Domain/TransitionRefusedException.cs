namespace Bansos.Complaint.Domain;

/// <summary>A transition the ticket's current status does not allow (gRPC FAILED_PRECONDITION, REST 409 with the current status).</summary>
public sealed class TransitionRefusedException(ComplaintStatus current, Transition transition, string message) : Exception(message)
{
    public ComplaintStatus Current { get; } = current;

    public Transition Transition { get; } = transition;
}
