namespace Bansos.Complaint.Domain;

/// <summary>
/// The stored and published spelling of the complaint enums (<c>CARD_LOST_OR_BROKEN</c>, <c>IN_PROGRESS</c>,
/// …). Every value has a code and an unknown code is an error: nothing maps silently to a default.
/// </summary>
public static class ComplaintCodes
{
    private static readonly EnumCodes<ComplaintCategory> Categories = new(new()
    {
        [ComplaintCategory.CardLostOrBroken] = "CARD_LOST_OR_BROKEN",
        [ComplaintCategory.PinForgottenOrBlocked] = "PIN_FORGOTTEN_OR_BLOCKED",
        [ComplaintCategory.NotRegistered] = "NOT_REGISTERED",
        [ComplaintCategory.WrongAmount] = "WRONG_AMOUNT",
        [ComplaintCategory.UnfairAgentCharge] = "UNFAIR_AGENT_CHARGE",
        [ComplaintCategory.WrongRecipient] = "WRONG_RECIPIENT",
        [ComplaintCategory.ApplicationHardToUse] = "APPLICATION_HARD_TO_USE",
        [ComplaintCategory.Other] = "OTHER",
    });

    private static readonly EnumCodes<ComplaintStatus> Statuses = new(new()
    {
        [ComplaintStatus.Received] = "RECEIVED",
        [ComplaintStatus.InProgress] = "IN_PROGRESS",
        [ComplaintStatus.Resolved] = "RESOLVED",
        [ComplaintStatus.Rejected] = "REJECTED",
    });

    private static readonly EnumCodes<ComplaintChannel> Channels = new(new()
    {
        [ComplaintChannel.Posko] = "POSKO",
        [ComplaintChannel.Agent] = "AGENT",
        [ComplaintChannel.Phone] = "PHONE",
        [ComplaintChannel.Web] = "WEB",
        [ComplaintChannel.Automatic] = "AUTOMATIC",
    });

    private static readonly EnumCodes<ComplaintAction> Actions = new(new()
    {
        [ComplaintAction.Filed] = "FILED",
        [ComplaintAction.StatusChanged] = "STATUS",
        [ComplaintAction.Assigned] = "ASSIGNED",
        [ComplaintAction.Note] = "NOTE",
    });

    public static string Code(this ComplaintAction value) => Actions.Code(value);

    public static ComplaintAction ParseAction(string code) => Actions.Parse(code);

    public static string Code(this ComplaintCategory value) => Categories.Code(value);

    public static string Code(this ComplaintStatus value) => Statuses.Code(value);

    public static string Code(this ComplaintChannel value) => Channels.Code(value);

    public static ComplaintCategory ParseCategory(string code) => Categories.Parse(code);

    public static ComplaintStatus ParseStatus(string code) => Statuses.Parse(code);

    public static ComplaintChannel ParseChannel(string code) => Channels.Parse(code);

    public static IReadOnlyCollection<ComplaintCategory> AllCategories => Categories.Values;
}
