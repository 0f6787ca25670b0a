namespace Bansos.Registry.Domain;

/// <summary>An aid programme a household can be enrolled in.</summary>
public enum Programme
{
    /// <summary>Food aid (Program Sembako / BPNT).</summary>
    Sembako,

    /// <summary>Conditional cash transfer (Program Keluarga Harapan).</summary>
    Pkh,
}

public static class ProgrammeCodes
{
    public static string ToCode(this Programme programme) => programme == Programme.Pkh ? "PKH" : "SEMBAKO";

    public static Validated<Programme> Parse(string? text, string field = "program") =>
        text?.Trim().ToUpperInvariant() switch
        {
            "SEMBAKO" => Validated<Programme>.Valid(Programme.Sembako),
            "PKH" => Validated<Programme>.Valid(Programme.Pkh),
            null or "" => Validated<Programme>.Invalid(DomainErrors.Required(field, "Program")),
            _ => Validated<Programme>.Invalid(DomainErrors.ProgrammeInvalid(field)),
        };

    /// <summary>
    /// Parses <c>SEMBAKO</c>, <c>PKH</c> or <c>SEMBAKO|PKH</c> into a sorted list without repeats,
    /// so that two spellings of the same enrolment compare equal on re-import.
    /// </summary>
    public static Validated<IReadOnlyList<Programme>> ParseList(string? text, string field = "program")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Validated<IReadOnlyList<Programme>>.Invalid(DomainErrors.Required(field, "Program"));
        }

        var set = new SortedSet<Programme>();
        foreach (var part in text.Split('|'))
        {
            var parsed = Parse(part, field);
            if (!parsed.IsValid)
            {
                return Validated<IReadOnlyList<Programme>>.Invalid(DomainErrors.ProgrammeInvalid(field));
            }

            set.Add(parsed.Value);
        }

        return Validated<IReadOnlyList<Programme>>.Valid([.. set]);
    }

    /// <summary>Sorted, without repeats: the one form programmes are kept and compared in.</summary>
    public static IReadOnlyList<Programme> Normalize(IEnumerable<Programme> programmes) => [.. new SortedSet<Programme>(programmes)];

    public static string ToListCode(this IEnumerable<Programme> programmes) =>
        string.Join('|', Normalize(programmes).Select(p => p.ToCode()));

    public static IReadOnlyList<string> ToCodes(this IEnumerable<Programme> programmes) =>
        [.. Normalize(programmes).Select(p => p.ToCode())];
}
