using Bansos.Contracts;
using Bansos.ServiceDefaults.Codes;

namespace Bansos.Registry.Domain;

/// <summary>Parsing a <see cref="HouseholdStatus"/> from a request (the type and its codes are shared: <see cref="HouseholdStatusCodes"/>).</summary>
public static class HouseholdStatusRules
{
    public static Validated<HouseholdStatus> Parse(string? text, string field = "status") =>
        HouseholdStatusCodes.Map.Parse(text, field, "Status", DomainErrors.StatusInvalid);
}
