using Bansos.Contracts;
using Bansos.ServiceDefaults.Codes;

namespace Bansos.Registry.Domain;

/// <summary>The registry's rules over <see cref="CardStatus"/> (the type and its codes are shared: <see cref="CardStatusCodes"/>).</summary>
public static class CardStatusRules
{
    /// <summary>Active or blocked: the card can still come (back) into use.</summary>
    public static bool IsLive(this CardStatus status) => status is CardStatus.Active or CardStatus.Blocked;

    public static Validated<CardStatus> Parse(string? text, string field = "status") =>
        CardStatusCodes.Map.Parse(text, field, "Status", DomainErrors.CardStatusInvalid);
}
