using Bansos.Contracts;

namespace Bansos.ServiceDefaults.Codes;

/// <summary>The card status codes of the registry's events and of every service's storage.</summary>
public static class CardStatusCodes
{
    public static readonly CodeMap<CardStatus> Map = new(
        (CardStatus.Active, CardStatuses.Active),
        (CardStatus.Blocked, CardStatuses.Blocked),
        (CardStatus.Lost, CardStatuses.Lost),
        (CardStatus.Replaced, CardStatuses.Replaced));

    public static string ToCode(this CardStatus status) => Map.ToCode(status);

    /// <summary>A stored or announced status; null for one this version does not know (a newer registry's), which a reader must treat as stopped.</summary>
    public static CardStatus? Read(string? code) => Map.TryParse(code, out var status) ? status : null;
}
