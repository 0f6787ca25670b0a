using Bansos.ServiceDefaults.Codes;

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
    public static readonly CodeMap<Relation> Map = new(
        (Relation.Kepala, "KEPALA"),
        (Relation.Istri, "ISTRI"),
        (Relation.Suami, "SUAMI"),
        (Relation.Anak, "ANAK"),
        (Relation.OrangTua, "ORANG_TUA"),
        (Relation.Lainnya, "LAINNYA"));

    public static string ToCode(this Relation relation) => Map.ToCode(relation);

    public static Validated<Relation> Parse(string? text, string field = "hubungan") =>
        Map.Parse(text, field, "Hubungan", DomainErrors.RelationInvalid);
}
