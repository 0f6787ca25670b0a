using Bansos.ServiceDefaults.Hosting;

namespace Bansos.Payout.Domain;

/// <summary>Input checks for points and terminals.</summary>
public static class DistributionPointRules
{
    public static (string Name, string VillageCode) ValidatePoint(string? name, DistributionPointKind? kind, string? villageCode)
    {
        var violations = new List<FieldViolation>();
        name = name?.Trim() ?? "";
        if (name.Length is < 3 or > 100)
        {
            violations.Add(new("name", "Nama 3 sampai 100 karakter (name must be 3 to 100 characters)."));
        }

        if (kind is null || !Enum.IsDefined(kind.Value))
        {
            violations.Add(new("kind", "Jenis harus POSKO, E_WARONG atau BANK_AGENT (kind must be POSKO, E_WARONG or BANK_AGENT)."));
        }

        villageCode = villageCode?.Trim() ?? "";
        if (!VillageCodes.IsValid(villageCode))
        {
            violations.Add(new("village_code", "Kode desa harus seperti 17.03.12.2003 (village code must look like 17.03.12.2003)."));
        }

        return violations.Count > 0 ? throw new ValidationException(violations) : (name, villageCode);
    }

    public static string ValidateTerminalLabel(string? label)
    {
        label = label?.Trim() ?? "";
        return label.Length is < 1 or > 100
            ? throw new ValidationException("label", "Label terminal 1 sampai 100 karakter (label must be 1 to 100 characters).")
            : label;
    }
}
