using System.Security.Cryptography;
using System.Text;
using Bansos.Registry.Domain;
using Bansos.Registry.Domain.Households;

namespace Bansos.Registry.Data;

/// <summary>
/// SHA-256 over a household's details in a canonical form (members ordered by NIK, as the domain
/// compares them). Equal fingerprints mean equal details, so re-importing an unchanged household
/// costs one indexed lookup instead of loading its members.
/// </summary>
public static class HouseholdFingerprint
{
    public static string Of(HouseholdDetails details)
    {
        var text = new StringBuilder(256);
        var a = details.Address;
        text.Append(a.Village.Value).Append('\u001f').Append(a.Rt).Append('\u001f').Append(a.Rw).Append('\u001f')
            .Append(a.Street).Append('\u001f').Append(details.Desil.Value).Append('\u001f')
            .Append(ProgrammeCodes.Normalize(details.Programmes).ToListCode());
        // A household has a handful of members: sorting a copy beats a LINQ ordering (an import fingerprints every household).
        var members = details.Members.ToArray();
        Array.Sort(members, static (x, y) => string.CompareOrdinal(x.Nik.Value, y.Nik.Value));
        foreach (var m in members)
        {
            text.Append('\u001e').Append(m.Nik.Value).Append('\u001f').Append(m.Name).Append('\u001f')
                .Append(m.Relation.ToCode()).Append('\u001f').Append(m.Sex.ToCode()).Append('\u001f')
                .Append(m.BirthDate.ToIso());
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
        return Convert.ToHexString(hash);
    }
}
