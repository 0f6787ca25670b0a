namespace Bansos.Registry.Domain.Households;

/// <summary>
/// The rules a household as a whole must satisfy: at least one and at most <see cref="MaxMembers"/>
/// members, exactly one KEPALA, each NIK once, each member valid on its own, a valid address and desil.
/// </summary>
public static class HouseholdRules
{
    /// <summary>A bound that no real KK reaches; it keeps a hostile import from buffering a huge "household".</summary>
    public const int MaxMembers = 30;

    /// <summary>All violations, with member fields named <c>anggota[i].nik</c> and so on.</summary>
    public static IReadOnlyList<ValidationError> Validate(HouseholdDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = new ErrorList();
        errors.AddRange(details.Address?.Check() ?? [DomainErrors.Required("kode_desa", "Alamat")]);
        if (details.Desil.Value is < 1 or > 10)
        {
            errors.Add(DomainErrors.DesilRange("desil"));
        }

        foreach (var (index, error) in CheckMembers(details.Members))
        {
            errors.Add(index is { } i ? error.For($"anggota[{i}].{error.Field}") : error);
        }

        return errors.Result;
    }

    /// <summary>
    /// Member-level violations with the index of the member they concern (null: the household as a
    /// whole). Field names are bare column names so that the import can report them per row.
    /// </summary>
    public static IReadOnlyList<(int? MemberIndex, ValidationError Error)> CheckMembers(IReadOnlyList<Member> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var violations = new List<(int?, ValidationError)>();
        if (members.Count == 0)
        {
            violations.Add((null, DomainErrors.NoMembers("anggota")));
            return violations;
        }

        if (members.Count > MaxMembers)
        {
            violations.Add((null, DomainErrors.TooManyMembers("anggota", MaxMembers)));
        }

        var heads = 0;
        foreach (var member in members)
        {
            heads += member.Relation == Relation.Kepala ? 1 : 0;
        }

        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            foreach (var error in member.Check())
            {
                violations.Add((i, error));
            }

            if (heads > 1 && member.Relation == Relation.Kepala)
            {
                violations.Add((i, DomainErrors.HeadCount("hubungan", heads)));
            }

            if (member.Nik.Value is not null && SeenBefore(members, i))
            {
                violations.Add((i, DomainErrors.NikDuplicateInHousehold("nik")));
            }
        }

        if (heads == 0)
        {
            violations.Add((null, DomainErrors.HeadCount("hubungan", 0)));
        }

        return violations;
    }

    /// <summary>Whether an earlier member has the same NIK (at most 30 members: a scan beats a set).</summary>
    private static bool SeenBefore(IReadOnlyList<Member> members, int index)
    {
        for (var j = 0; j < index; j++)
        {
            if (members[j].Nik == members[index].Nik)
            {
                return true;
            }
        }

        return false;
    }
}
