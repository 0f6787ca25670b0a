namespace Bansos.Registry.Domain;

/// <summary>The actions recorded in <see cref="HistoryEntry.Action"/>.</summary>
public static class HistoryActions
{
    public const string Registered = "REGISTERED";
    public const string Changed = "CHANGED";
    public const string Suspended = "SUSPENDED";
    public const string Reactivated = "REACTIVATED";
    public const string Removed = "REMOVED";
    public const string Reinstated = "REINSTATED";
    public const string CardIssued = "CARD_ISSUED";
    public const string CardBlocked = "CARD_BLOCKED";
    public const string CardUnblocked = "CARD_UNBLOCKED";
    public const string CardLost = "CARD_LOST";
    public const string CardReplaced = "CARD_REPLACED";
}
