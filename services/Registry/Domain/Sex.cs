using Bansos.ServiceDefaults.Codes;

namespace Bansos.Registry.Domain;

/// <summary>Sex as on the KK: <c>L</c> (laki-laki) or <c>P</c> (perempuan).</summary>
public enum Sex
{
    Male,
    Female,
}

public static class SexCodes
{
    public static readonly CodeMap<Sex> Map = new((Sex.Male, "L"), (Sex.Female, "P"));

    public static string ToCode(this Sex sex) => Map.ToCode(sex);

    public static Validated<Sex> Parse(string? text, string field = "jenis_kelamin") =>
        Map.Parse(text, field, "Jenis kelamin", DomainErrors.SexInvalid);
}
