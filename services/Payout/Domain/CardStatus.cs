using Bansos.Contracts;
using Bansos.ServiceDefaults.Codes;

namespace Bansos.Payout.Domain;

/// <summary>An aid card's status as the registry announces it (<see cref="CardStatuses"/> on the bus).</summary>
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

    /// <summary>A stored status; null for one this version does not know (a newer registry's), which stops the card (<see cref="CardFacts.Refusal"/>).</summary>
    public static CardStatus? Read(string code) => Map.TryParse(code, out var status) ? status : null;
}
