using Bansos.Contracts;
using Bansos.ServiceDefaults.Codes;

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
    public static readonly CodeMap<CardStatus> Map = new(
        (CardStatus.Active, CardStatuses.Active),
        (CardStatus.Blocked, CardStatuses.Blocked),
        (CardStatus.Lost, CardStatuses.Lost),
        (CardStatus.Replaced, CardStatuses.Replaced));

    public static string ToCode(this CardStatus status) => Map.ToCode(status);

    /// <summary>Active or blocked: the card can still come (back) into use.</summary>
    public static bool IsLive(this CardStatus status) => status is CardStatus.Active or CardStatus.Blocked;

    public static Validated<CardStatus> Parse(string? text, string field = "status") =>
        Map.Parse(text, field, "Status", DomainErrors.CardStatusInvalid);
}
