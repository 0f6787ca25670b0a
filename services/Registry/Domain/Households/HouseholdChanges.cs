namespace Bansos.Registry.Domain.Households;

/// <summary>
/// The differences between two versions of a household's details, field by field, for history entries
/// and for deciding whether a re-import changes anything. Members are matched by NIK; their order does
/// not matter.
/// </summary>
public static class HouseholdChanges
{
    public static IReadOnlyList<FieldChange> Between(HouseholdDetails before, HouseholdDetails after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<FieldChange>();
        Compare(changes, "kode_desa", before.Address.Village.Value, after.Address.Village.Value);
        Compare(changes, "rt", before.Address.Rt, after.Address.Rt);
        Compare(changes, "rw", before.Address.Rw, after.Address.Rw);
        Compare(changes, "alamat", before.Address.Street, after.Address.Street);
        Compare(changes, "desil", before.Desil.ToString(), after.Desil.ToString());
        Compare(changes, "program", before.Programmes.ToListCode(), after.Programmes.ToListCode());

        var old = new Dictionary<Nik, Member>();
        foreach (var member in before.Members)
        {
            old.TryAdd(member.Nik, member);
        }

        var kept = new HashSet<Nik>();
        foreach (var member in after.Members)
        {
            var key = $"anggota[{member.Nik.Value}]";
            if (!old.TryGetValue(member.Nik, out var previous))
            {
                changes.Add(new FieldChange(key, null, member.Summary));
                continue;
            }

            kept.Add(member.Nik);
            Compare(changes, key + ".nama", previous.Name, member.Name);
            Compare(changes, key + ".hubungan", previous.Relation.ToCode(), member.Relation.ToCode());
            Compare(changes, key + ".jenis_kelamin", previous.Sex.ToCode(), member.Sex.ToCode());
            Compare(changes, key + ".tanggal_lahir", previous.BirthDate.ToIso(), member.BirthDate.ToIso());
        }

        foreach (var member in before.Members)
        {
            if (!kept.Contains(member.Nik))
            {
                changes.Add(new FieldChange($"anggota[{member.Nik.Value}]", member.Summary, null));
            }
        }

        return changes;
    }

    /// <summary>Every field as set at registration (all "before" values empty).</summary>
    public static IReadOnlyList<FieldChange> Initial(HouseholdDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var changes = new List<FieldChange>
        {
            new("kode_desa", null, details.Address.Village.Value),
            new("rt", null, details.Address.Rt),
            new("rw", null, details.Address.Rw),
            new("alamat", null, details.Address.Street),
            new("desil", null, details.Desil.ToString()),
            new("program", null, details.Programmes.ToListCode()),
        };
        foreach (var member in details.Members)
        {
            changes.Add(new FieldChange($"anggota[{member.Nik.Value}]", null, member.Summary));
        }

        return changes;
    }

    private static void Compare(List<FieldChange> changes, string field, string before, string after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changes.Add(new FieldChange(field, before, after));
        }
    }
}
