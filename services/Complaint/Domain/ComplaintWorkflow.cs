namespace Bansos.Complaint.Domain;

/// <summary>
/// The workflow RECEIVED → IN_PROGRESS → RESOLVED | REJECTED, and RESOLVED → IN_PROGRESS (reopen)
/// within the reopen window. Nothing else: a rejected ticket stays rejected (file a new one).
/// </summary>
public static class ComplaintWorkflow
{
    public static bool IsOpen(ComplaintStatus status) => status is ComplaintStatus.Received or ComplaintStatus.InProgress;

    /// <summary>The status <paramref name="transition"/> leads to from <paramref name="current"/>, or throws <see cref="TransitionRefusedException"/>.</summary>
    public static ComplaintStatus Next(
        ComplaintStatus current, Transition transition, DateTimeOffset? resolvedAt, DateTimeOffset now, TimeSpan reopenWindow)
    {
        var target = transition switch
        {
            Transition.Start when current == ComplaintStatus.Received => ComplaintStatus.InProgress,
            Transition.Resolve when current == ComplaintStatus.InProgress => ComplaintStatus.Resolved,
            Transition.Reject when current == ComplaintStatus.InProgress => ComplaintStatus.Rejected,
            Transition.Reopen when current == ComplaintStatus.Resolved => ComplaintStatus.InProgress,
            _ => (ComplaintStatus?)null,
        };
        if (target is null)
        {
            throw new TransitionRefusedException(current, transition, ComplaintMessages.TransitionNotAllowed(current, transition));
        }

        if (transition == Transition.Reopen && (resolvedAt is null || now - resolvedAt.Value > reopenWindow))
        {
            throw new TransitionRefusedException(current, transition, ComplaintMessages.ReopenWindowPassed(reopenWindow));
        }

        return target.Value;
    }

    /// <summary>The status a transition asks for, for messages (the same whether or not it is allowed).</summary>
    public static ComplaintStatus TargetOf(Transition transition) => transition switch
    {
        Transition.Start or Transition.Reopen => ComplaintStatus.InProgress,
        Transition.Resolve => ComplaintStatus.Resolved,
        Transition.Reject => ComplaintStatus.Rejected,
        _ => throw new ArgumentOutOfRangeException(nameof(transition), transition, null),
    };
}
