using Bansos.Registry.Domain.Areas;

namespace Bansos.Registry.Domain.Households;

/// <summary>A person on the family card. The name is kept verbatim.</summary>
public sealed record Member(Nik Nik, string Name, Relation Relation, Sex Sex, DateOnly BirthDate)
{
    /// <summary>
    /// Validates one person from text (a CSV row, a request): every field, and the NIK's agreement with
    /// the stated sex and birth date. Field names are the CSV columns after <paramref name="fieldPrefix"/>
    /// (e.g. <c>anggota[2].</c>).
    /// </summary>
    public static Validated<Member> Parse(
        string? nik,
        string? name,
        string? relation,
        string? sex,
        string? birthDate,
        AreaReference areas,
        DateOnly today,
        string fieldPrefix = "")
    {
        var errors = new ErrorList();
        var parsedNik = Domain.Nik.Parse(nik, areas, today, fieldPrefix + "nik");
        errors.AddRange(parsedNik.Errors);
        if (TextRules.Check(name, fieldPrefix + "nama", "Nama", TextRules.MaxNameLength) is { } nameError)
        {
            errors.Add(nameError);
        }

        var parsedRelation = RelationCodes.Parse(relation, fieldPrefix + "hubungan");
        errors.AddRange(parsedRelation.Errors);
        var parsedSex = SexCodes.Parse(sex, fieldPrefix + "jenis_kelamin");
        errors.AddRange(parsedSex.Errors);
        var parsedBirthDate = BirthDates.Parse(birthDate, today, fieldPrefix + "tanggal_lahir");
        errors.AddRange(parsedBirthDate.Errors);
        if (errors.Count > 0)
        {
            return Validated<Member>.Invalid(errors.Result);
        }

        var member = new Member(parsedNik.Value, name!, parsedRelation.Value, parsedSex.Value, parsedBirthDate.Value);
        errors.AddRange(member.Check(fieldPrefix));
        return errors.Count > 0 ? Validated<Member>.Invalid(errors.Result) : Validated<Member>.Valid(member);
    }

    /// <summary>
    /// The rules one member must satisfy whatever way it was built: a clean name, a NIK that agrees with
    /// sex and birth date, and a relation that fits the sex (ISTRI is P, SUAMI is L).
    /// </summary>
    public IReadOnlyList<ValidationError> Check(string fieldPrefix = "")
    {
        var errors = new ErrorList();
        if (TextRules.Check(Name, fieldPrefix + "nama", "Nama", TextRules.MaxNameLength) is { } nameError)
        {
            errors.Add(nameError);
        }

        if (Nik.Value is null)
        {
            errors.Add(DomainErrors.Required(fieldPrefix + "nik", "NIK"));
            return errors.Result;
        }

        errors.AddRange(Nik.CheckAgainst(Sex, BirthDate, fieldPrefix + "nik"));
        if ((Relation == Relation.Istri && Sex != Sex.Female) || (Relation == Relation.Suami && Sex != Sex.Male))
        {
            errors.Add(DomainErrors.RelationSexMismatch(fieldPrefix + "hubungan", Relation.ToCode(), Sex.ToCode()));
        }

        return errors.Result;
    }

    /// <summary>Name, relation, sex and birth date in one line, for history entries.</summary>
    public string Summary => $"{Name} ({Relation.ToCode()}, {Sex.ToCode()}, {BirthDate.ToIso()})";
}
