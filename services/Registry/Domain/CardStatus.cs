namespace Bansos.Registry.Domain;

/// <summary>An aid card's state. <c>LOST</c> and <c>REPLACED</c> are final.</summary>
public enum CardStatus
{
    Active,
    Blocked,
    Lost,
    Replaced,
}

public static class CardStatusCodes
{
    public static string ToCode(this CardStatus status) => status switch
    {
        CardStatus.Blocked => Bansos.Contracts.CardStatuses.Blocked,
        CardStatus.Lost => Bansos.Contracts.CardStatuses.Lost,
        CardStatus.Replaced => Bansos.Contracts.CardStatuses.Replaced,
        _ => Bansos.Contracts.CardStatuses.Active,
    };

    /// <summary>Active or blocked: the card can still come (back) into use.</summary>
    public static bool IsLive(this CardStatus status) => status is CardStatus.Active or CardStatus.Blocked;

    public static Validated<CardStatus> Parse(string? text, string field = "status") =>
        text?.Trim().ToUpperInvariant() switch
        {
            "ACTIVE" => Validated<CardStatus>.Valid(CardStatus.Active),
            "BLOCKED" => Validated<CardStatus>.Valid(CardStatus.Blocked),
            "LOST" => Validated<CardStatus>.Valid(CardStatus.Lost),
            "REPLACED" => Validated<CardStatus>.Valid(CardStatus.Replaced),
            null or "" => Validated<CardStatus>.Invalid(DomainErrors.Required(field, "Status")),
            _ => Validated<CardStatus>.Invalid(DomainErrors.CardStatusInvalid(field)),
        };
}
