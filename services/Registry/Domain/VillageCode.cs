using Bansos.Registry.Domain.Areas;

namespace Bansos.Registry.Domain;

/// <summary>A Kemendagri village (desa/kelurahan) code in dotted form, e.g. <c>17.03.12.2003</c>, that exists in the reference.</summary>
public readonly record struct VillageCode
{
    private VillageCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The district in dotted form, e.g. <c>17.03.12</c>.</summary>
    public string DistrictCode => Value[..8];

    /// <summary>The district as NIK/KK spell it, e.g. <c>170312</c>.</summary>
    public string DistrictDigits => string.Concat(Value.AsSpan(0, 2), Value.AsSpan(3, 2), Value.AsSpan(6, 2));

    public string RegencyCode => Value[..5];

    public string ProvinceCode => Value[..2];

    /// <summary>
    /// Accepts the dotted form or the same ten digits without dots (<c>1703122003</c>, as spreadsheets
    /// sometimes turn it) and keeps the dotted form.
    /// </summary>
    public static Validated<VillageCode> Parse(string? text, AreaReference areas, string field = "kode_desa")
    {
        ArgumentNullException.ThrowIfNull(areas);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Validated<VillageCode>.Invalid(DomainErrors.Required(field, "Kode desa"));
        }

        var s = text.Trim();
        if (s.Length == 10 && Digits.AreAll(s))
        {
            s = $"{s[..2]}.{s[2..4]}.{s[4..6]}.{s[6..]}";
        }

        if (!AreaReference.HasShape(s, AreaLevel.Village))
        {
            return Validated<VillageCode>.Invalid(DomainErrors.VillageFormat(field));
        }

        var village = areas.FindVillage(s);
        return village is null
            ? Validated<VillageCode>.Invalid(DomainErrors.VillageUnknown(field, s))
            : Validated<VillageCode>.Valid(new VillageCode(village.Code));
    }

    /// <summary>A village code read back from storage, where it was validated when written.</summary>
    public static VillageCode FromStored(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!AreaReference.HasShape(value, AreaLevel.Village))
        {
            throw new ArgumentException("A stored village code looks like 17.03.12.2003.", nameof(value));
        }

        return new VillageCode(value);
    }

    public override string ToString() => Value ?? string.Empty;
}
