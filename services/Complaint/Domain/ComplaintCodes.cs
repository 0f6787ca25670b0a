using Bansos.ServiceDefaults.Codes;

namespace Bansos.Complaint.Domain;

/// <summary>
/// The stored and published spelling of the complaint enums (<c>CARD_LOST_OR_BROKEN</c>, <c>IN_PROGRESS</c>,
/// …), through ServiceDefaults' <see cref="CodeMap{TEnum}"/>: every value has a code and an unknown code is an error
/// (<see cref="FormatException"/>), nothing maps silently to a default (docs/decisions.md D92).
/// </summary>
public static class ComplaintCodes
{
    private static readonly CodeMap<ComplaintCategory> Categories = new(
        (ComplaintCategory.CardLostOrBroken, "CARD_LOST_OR_BROKEN"),
        (ComplaintCategory.PinForgottenOrBlocked, "PIN_FORGOTTEN_OR_BLOCKED"),
        (ComplaintCategory.NotRegistered, "NOT_REGISTERED"),
        (ComplaintCategory.WrongAmount, "WRONG_AMOUNT"),
        (ComplaintCategory.UnfairAgentCharge, "UNFAIR_AGENT_CHARGE"),
        (ComplaintCategory.WrongRecipient, "WRONG_RECIPIENT"),
        (ComplaintCategory.ApplicationHardToUse, "APPLICATION_HARD_TO_USE"),
        (ComplaintCategory.Other, "OTHER"));

    private static readonly CodeMap<ComplaintStatus> Statuses = new(
        (ComplaintStatus.Received, "RECEIVED"),
        (ComplaintStatus.InProgress, "IN_PROGRESS"),
        (ComplaintStatus.Resolved, "RESOLVED"),
        (ComplaintStatus.Rejected, "REJECTED"));

    private static readonly CodeMap<ComplaintChannel> Channels = new(
        (ComplaintChannel.Posko, "POSKO"),
        (ComplaintChannel.Agent, "AGENT"),
        (ComplaintChannel.Phone, "PHONE"),
        (ComplaintChannel.Web, "WEB"),
        (ComplaintChannel.Automatic, "AUTOMATIC"));

    private static readonly CodeMap<ComplaintAction> Actions = new(
        (ComplaintAction.Filed, "FILED"),
        (ComplaintAction.StatusChanged, "STATUS"),
        (ComplaintAction.Assigned, "ASSIGNED"),
        (ComplaintAction.Note, "NOTE"));

    public static string Code(this ComplaintAction value) => Actions.ToCode(value);

    public static ComplaintAction ParseAction(string code) => Actions.Parse(code);

    public static string Code(this ComplaintCategory value) => Categories.ToCode(value);

    public static string Code(this ComplaintStatus value) => Statuses.ToCode(value);

    public static string Code(this ComplaintChannel value) => Channels.ToCode(value);

    public static ComplaintCategory ParseCategory(string code) => Categories.Parse(code);

    public static ComplaintStatus ParseStatus(string code) => Statuses.Parse(code);

    public static ComplaintChannel ParseChannel(string code) => Channels.Parse(code);

    public static IReadOnlyCollection<ComplaintCategory> AllCategories => Categories.Values;
}
