using Bansos.Agent.Messages;
using Bansos.Protos.Complaint.V1;

namespace Bansos.Agent.Complaints;

/// <summary>The categories a posko may choose, in the order the list shows them, with their catalogue labels and command-line names.</summary>
public static class ComplaintCategories
{
    public static IReadOnlyList<(ComplaintCategory Category, Msg Label, string Name)> All { get; } =
    [
        (ComplaintCategory.PinForgottenOrBlocked, Msg.CategoryPinForgottenOrBlocked, "pin"),
        (ComplaintCategory.CardLostOrBroken, Msg.CategoryCardLostOrBroken, "card"),
        (ComplaintCategory.WrongAmount, Msg.CategoryWrongAmount, "amount"),
        (ComplaintCategory.NotRegistered, Msg.CategoryNotRegistered, "not-registered"),
        (ComplaintCategory.UnfairAgentCharge, Msg.CategoryUnfairAgentCharge, "agent-charge"),
        (ComplaintCategory.WrongRecipient, Msg.CategoryWrongRecipient, "wrong-recipient"),
        (ComplaintCategory.ApplicationHardToUse, Msg.CategoryApplicationHardToUse, "hard-to-use"),
        (ComplaintCategory.Other, Msg.CategoryOther, "other"),
    ];

    public static string Names => string.Join(", ", All.Select(c => c.Name));

    /// <summary>A command-line name (<c>pin</c>, <c>card</c>, …) or the proto's own name; null when it is neither.</summary>
    public static ComplaintCategory? Parse(string? text)
    {
        var value = text?.Trim() ?? "";
        foreach (var (category, _, name) in All)
        {
            if (string.Equals(value, name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(value.Replace("_", "", StringComparison.Ordinal), category.ToString(), StringComparison.OrdinalIgnoreCase))
                return category;
        }
        return null;
    }

    public static Msg Label(ComplaintCategory category) =>
        All.Where(c => c.Category == category).Select(c => c.Label).DefaultIfEmpty(Msg.CategoryOther).First();
}
