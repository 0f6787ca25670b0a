using Bansos.Agent.Session;
using Bansos.Protos.Payout.V1;

namespace Bansos.Agent.Cli;

/// <summary>Stable names in JSON output: snake-case outcomes, the proto's decline reason names without their prefix.</summary>
public static class JsonNames
{
    public static string Of(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Approved => "approved",
        OutcomeKind.Declined => "declined",
        OutcomeKind.CardRefused => "card_refused",
        OutcomeKind.NothingPaid => "nothing_paid",
        OutcomeKind.ReaderProblem => "reader_problem",
        OutcomeKind.GatewayProblem => "gateway_problem",
        OutcomeKind.Unanswered => "unanswered",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static string Of(DeclineReason reason) =>
        TerminalReflection.Descriptor.EnumTypes.First(e => e.Name == nameof(DeclineReason)).FindValueByNumber((int)reason)?.Name.Replace("DECLINE_REASON_", "", StringComparison.Ordinal) ?? ((int)reason).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The proto's category name without its prefix, e.g. <c>PIN_FORGOTTEN_OR_BLOCKED</c>.</summary>
    public static string Of(Protos.Complaint.V1.ComplaintCategory category) =>
        Protos.Complaint.V1.ComplaintsReflection.Descriptor.EnumTypes.First(e => e.Name == nameof(Protos.Complaint.V1.ComplaintCategory))
            .FindValueByNumber((int)category)?.Name.Replace("COMPLAINT_CATEGORY_", "", StringComparison.Ordinal) ?? ((int)category).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Of(PayoutResult result) => result switch
    {
        PayoutResult.Approved => "approved",
        PayoutResult.Declined => "declined",
        _ => "unspecified",
    };
}
