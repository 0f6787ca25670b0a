namespace Bansos.Registry.Domain;

/// <summary>A member's relation to the head of the family, as on the KK.</summary>
public enum Relation
{
    Kepala,
    Istri,
    Suami,
    Anak,
    OrangTua,
    Lainnya,
}

public static class RelationCodes
{
    public static string ToCode(this Relation relation) => relation switch
    {
        Relation.Kepala => "KEPALA",
        Relation.Istri => "ISTRI",
        Relation.Suami => "SUAMI",
        Relation.Anak => "ANAK",
        Relation.OrangTua => "ORANG_TUA",
        _ => "LAINNYA",
    };

    public static Validated<Relation> Parse(string? text, string field = "hubungan") =>
        text?.Trim().ToUpperInvariant() switch
        {
            "KEPALA" => Validated<Relation>.Valid(Relation.Kepala),
            "ISTRI" => Validated<Relation>.Valid(Relation.Istri),
            "SUAMI" => Validated<Relation>.Valid(Relation.Suami),
            "ANAK" => Validated<Relation>.Valid(Relation.Anak),
            "ORANG_TUA" => Validated<Relation>.Valid(Relation.OrangTua),
            "LAINNYA" => Validated<Relation>.Valid(Relation.Lainnya),
            null or "" => Validated<Relation>.Invalid(DomainErrors.Required(field, "Hubungan")),
            _ => Validated<Relation>.Invalid(DomainErrors.RelationInvalid(field)),
        };
}
