namespace Bansos.Registry.Domain;

/// <summary>Sex as on the KK: <c>L</c> (laki-laki) or <c>P</c> (perempuan).</summary>
public enum Sex
{
    Male,
    Female,
}

public static class SexCodes
{
    public static string ToCode(this Sex sex) => sex == Sex.Female ? "P" : "L";

    public static Validated<Sex> Parse(string? text, string field = "jenis_kelamin") =>
        text?.Trim().ToUpperInvariant() switch
        {
            "L" => Validated<Sex>.Valid(Sex.Male),
            "P" => Validated<Sex>.Valid(Sex.Female),
            null or "" => Validated<Sex>.Invalid(DomainErrors.Required(field, "Jenis kelamin")),
            _ => Validated<Sex>.Invalid(DomainErrors.SexInvalid(field)),
        };
}
