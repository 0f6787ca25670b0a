using System.Globalization;
using Bansos.Registry.Domain.Areas;

namespace Bansos.Registry.Domain.Households;

/// <summary>Where a household lives: village, RT and RW (kept as three digits, e.g. <c>003</c>), street.</summary>
public sealed record Address(VillageCode Village, string Rt, string Rw, string Street)
{
    /// <summary>Validates an address from text. Field names are the CSV columns after <paramref name="fieldPrefix"/>.</summary>
    public static Validated<Address> Parse(
        string? village, string? rt, string? rw, string? street, AreaReference areas, string fieldPrefix = "")
    {
        var errors = new ErrorList();
        var parsedVillage = VillageCode.Parse(village, areas, fieldPrefix + "kode_desa");
        errors.AddRange(parsedVillage.Errors);
        var parsedRt = ParseRtRw(rt, fieldPrefix + "rt", "RT");
        errors.AddRange(parsedRt.Errors);
        var parsedRw = ParseRtRw(rw, fieldPrefix + "rw", "RW");
        errors.AddRange(parsedRw.Errors);
        if (TextRules.Check(street, fieldPrefix + "alamat", "Alamat", TextRules.MaxStreetLength) is { } streetError)
        {
            errors.Add(streetError);
        }

        return errors.Count > 0
            ? Validated<Address>.Invalid(errors.Result)
            : Validated<Address>.Valid(new Address(parsedVillage.Value, parsedRt.Value, parsedRw.Value, street!));
    }

    /// <summary>1–3 digits, not zero; normalised to three digits so that <c>3</c> and <c>003</c> are the same RT.</summary>
    public static Validated<string> ParseRtRw(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Validated<string>.Invalid(DomainErrors.Required(field, label));
        }

        var s = text.Trim();
        if (s.Length is < 1 or > 3 || !Digits.AreAll(s) || int.Parse(s, CultureInfo.InvariantCulture) == 0)
        {
            return Validated<string>.Invalid(DomainErrors.RtRwFormat(field, label));
        }

        return Validated<string>.Valid(s.PadLeft(3, '0'));
    }

    /// <summary>The rules an address must satisfy whatever way it was built.</summary>
    public IReadOnlyList<ValidationError> Check(string fieldPrefix = "")
    {
        var errors = new ErrorList();
        if (Village.Value is null)
        {
            errors.Add(DomainErrors.Required(fieldPrefix + "kode_desa", "Kode desa"));
        }

        if (Rt is null || Rt.Length != 3 || !ParseRtRw(Rt, fieldPrefix + "rt", "RT").IsValid)
        {
            errors.Add(DomainErrors.RtRwFormat(fieldPrefix + "rt", "RT"));
        }

        if (Rw is null || Rw.Length != 3 || !ParseRtRw(Rw, fieldPrefix + "rw", "RW").IsValid)
        {
            errors.Add(DomainErrors.RtRwFormat(fieldPrefix + "rw", "RW"));
        }

        if (TextRules.Check(Street, fieldPrefix + "alamat", "Alamat", TextRules.MaxStreetLength) is { } streetError)
        {
            errors.Add(streetError);
        }

        return errors.Result;
    }

    public string Summary => $"{Street}, RT {Rt}/RW {Rw}, {Village.Value}";
}
