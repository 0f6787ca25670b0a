using Bansos.Complaint.Domain;

namespace Bansos.Complaint.Tests.Domain;

public sealed class WorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 3, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromDays(14);

    public static TheoryData<ComplaintStatus, Transition, ComplaintStatus> Allowed => new()
    {
        { ComplaintStatus.Received, Transition.Start, ComplaintStatus.InProgress },
        { ComplaintStatus.InProgress, Transition.Resolve, ComplaintStatus.Resolved },
        { ComplaintStatus.InProgress, Transition.Reject, ComplaintStatus.Rejected },
        { ComplaintStatus.Resolved, Transition.Reopen, ComplaintStatus.InProgress },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void An_allowed_transition_leads_to_its_status(ComplaintStatus from, Transition transition, ComplaintStatus to) =>
        Assert.Equal(to, ComplaintWorkflow.Next(from, transition, Now.AddDays(-1), Now, Window));

    public static TheoryData<ComplaintStatus, Transition> Refused()
    {
        var data = new TheoryData<ComplaintStatus, Transition>();
        foreach (var status in Enum.GetValues<ComplaintStatus>())
        {
            foreach (var transition in Enum.GetValues<Transition>())
            {
                if (!Allowed.Any(row => row.Data.Item1 == status && row.Data.Item2 == transition))
                {
                    data.Add(status, transition);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Every_other_transition_is_refused_with_the_current_status(ComplaintStatus from, Transition transition)
    {
        var refused = Assert.Throws<TransitionRefusedException>(() => ComplaintWorkflow.Next(from, transition, Now.AddDays(-1), Now, Window));
        Assert.Equal(from, refused.Current);
        Assert.Contains(from.Code(), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejected_to_in_progress_is_refused() =>
        Assert.Equal(ComplaintStatus.Rejected, Assert.Throws<TransitionRefusedException>(() =>
            ComplaintWorkflow.Next(ComplaintStatus.Rejected, Transition.Reopen, Now.AddDays(-1), Now, Window)).Current);

    [Fact]
    public void A_reopen_is_allowed_up_to_fourteen_days_after_the_resolution_and_not_after()
    {
        Assert.Equal(ComplaintStatus.InProgress, ComplaintWorkflow.Next(ComplaintStatus.Resolved, Transition.Reopen, Now - Window, Now, Window));
        var late = Assert.Throws<TransitionRefusedException>(() =>
            ComplaintWorkflow.Next(ComplaintStatus.Resolved, Transition.Reopen, Now - Window - TimeSpan.FromSeconds(1), Now, Window));
        Assert.Contains("14", late.Message, StringComparison.Ordinal);
    }
}
