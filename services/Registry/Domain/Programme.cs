namespace Bansos.Registry.Domain;

/// <summary>An aid programme a household can be enrolled in.</summary>
public enum Programme
{
    /// <summary>Food aid (Program Sembako / BPNT).</summary>
    Sembako,

    /// <summary>Conditional cash transfer (Program Keluarga Harapan).</summary>
    Pkh,
}

/// <remarks>
/// With two programmes there are three valid enrolments; they are kept as three shared, read-only
/// lists and three strings, so that parsing and comparing one (every row of an import does) allocates
/// nothing.
/// </remarks>
public static class ProgrammeCodes
{
    private static readonly IReadOnlyList<Programme> SembakoOnly = Array.AsReadOnly([Programme.Sembako]);
    private static readonly IReadOnlyList<Programme> PkhOnly = Array.AsReadOnly([Programme.Pkh]);
    private static readonly IReadOnlyList<Programme> Both = Array.AsReadOnly([Programme.Sembako, Programme.Pkh]);
    private static readonly IReadOnlyList<Programme> None = Array.AsReadOnly(Array.Empty<Programme>());
    private static readonly IReadOnlyList<string> SembakoCodes = Array.AsReadOnly(["SEMBAKO"]);
    private static readonly IReadOnlyList<string> PkhCodes = Array.AsReadOnly(["PKH"]);
    private static readonly IReadOnlyList<string> BothCodes = Array.AsReadOnly(["SEMBAKO", "PKH"]);
    private static readonly IReadOnlyList<string> NoCodes = Array.AsReadOnly(Array.Empty<string>());

    public static string ToCode(this Programme programme) => programme == Programme.Pkh ? "PKH" : "SEMBAKO";

    public static Validated<Programme> Parse(string? text, string field = "program") =>
        text is null ? Validated<Programme>.Invalid(DomainErrors.Required(field, "Program")) : Parse(text.AsSpan(), field);

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

        bool sembako = false, pkh = false;
        foreach (var range in text.AsSpan().Split('|'))
        {
            var parsed = Parse(text.AsSpan(range), field);
            if (!parsed.IsValid)
            {
                return Validated<IReadOnlyList<Programme>>.Invalid(DomainErrors.ProgrammeInvalid(field));
            }

            sembako |= parsed.Value == Programme.Sembako;
            pkh |= parsed.Value == Programme.Pkh;
        }

        return Validated<IReadOnlyList<Programme>>.Valid(Of(sembako, pkh));
    }

    /// <summary>Sorted, without repeats: the one form programmes are kept and compared in.</summary>
    public static IReadOnlyList<Programme> Normalize(IEnumerable<Programme> programmes)
    {
        var (sembako, pkh) = Flags(programmes);
        return Of(sembako, pkh);
    }

    public static string ToListCode(this IEnumerable<Programme> programmes) => Flags(programmes) switch
    {
        (true, true) => "SEMBAKO|PKH",
        (true, false) => "SEMBAKO",
        (false, true) => "PKH",
        _ => "",
    };

    public static IReadOnlyList<string> ToCodes(this IEnumerable<Programme> programmes) => Flags(programmes) switch
    {
        (true, true) => BothCodes,
        (true, false) => SembakoCodes,
        (false, true) => PkhCodes,
        _ => NoCodes,
    };

    private static Validated<Programme> Parse(ReadOnlySpan<char> text, string field)
    {
        var code = text.Trim();
        if (code.Equals("SEMBAKO", StringComparison.OrdinalIgnoreCase))
        {
            return Validated<Programme>.Valid(Programme.Sembako);
        }

        if (code.Equals("PKH", StringComparison.OrdinalIgnoreCase))
        {
            return Validated<Programme>.Valid(Programme.Pkh);
        }

        return code.IsEmpty
            ? Validated<Programme>.Invalid(DomainErrors.Required(field, "Program"))
            : Validated<Programme>.Invalid(DomainErrors.ProgrammeInvalid(field));
    }

    private static IReadOnlyList<Programme> Of(bool sembako, bool pkh) => (sembako, pkh) switch
    {
        (true, true) => Both,
        (true, false) => SembakoOnly,
        (false, true) => PkhOnly,
        _ => None,
    };

    private static (bool Sembako, bool Pkh) Flags(IEnumerable<Programme> programmes)
    {
        bool sembako = false, pkh = false;
        if (programmes is IReadOnlyList<Programme> list)
        {
            // Indexing, not foreach: no enumerator for the lists this class hands out.
            for (var i = 0; i < list.Count; i++)
            {
                sembako |= list[i] == Programme.Sembako;
                pkh |= list[i] == Programme.Pkh;
            }

            return (sembako, pkh);
        }

        foreach (var programme in programmes)
        {
            sembako |= programme == Programme.Sembako;
            pkh |= programme == Programme.Pkh;
        }

        return (sembako, pkh);
    }
}
