namespace Bansos.Complaint.Domain;

/// <summary>
/// Which tickets a caller may see and change: admins all; auditors all, read-only and masked;
/// operators those of the villages in their token's <c>village</c> claims; a terminal (an agent)
/// may only file, and only for the village its token names (the gateway puts the village of the
/// terminal's distribution point there, docs/complaint.md). A caller with several roles gets the widest.
/// </summary>
public sealed class VillageScope
{
    private readonly HashSet<string> villages;

    private VillageScope(bool all, bool readOnly, bool fileOnly, IEnumerable<string> villages)
    {
        All = all;
        ReadOnly = readOnly;
        FileOnly = fileOnly;
        this.villages = new HashSet<string>(villages, StringComparer.Ordinal);
    }

    /// <summary>Sees every village.</summary>
    public bool All { get; }

    /// <summary>May read only (auditors); personal data is masked for them.</summary>
    public bool ReadOnly { get; }

    /// <summary>Files for its villages without seeing or changing tickets (terminals).</summary>
    public bool FileOnly { get; }

    /// <summary>The villages whose tickets the caller sees (none for a terminal).</summary>
    public IReadOnlyCollection<string> Villages => FileOnly ? [] : villages;

    public bool Masked => ReadOnly;

    public static VillageScope For(bool admin, bool operatorRole, bool auditor, bool terminal, IEnumerable<string> villageClaims)
    {
        if (admin)
        {
            return new VillageScope(all: true, readOnly: false, fileOnly: false, []);
        }

        if (operatorRole)
        {
            return new VillageScope(all: false, readOnly: false, fileOnly: false, villageClaims);
        }

        if (auditor)
        {
            return new VillageScope(all: true, readOnly: true, fileOnly: false, []);
        }

        // No claim, no village: a terminal token without one files nowhere (fail closed).
        return new VillageScope(all: false, readOnly: false, fileOnly: true, terminal ? villageClaims : []);
    }

    public bool CanSee(string villageCode) => All || (!FileOnly && villages.Contains(villageCode));

    public bool CanChange(string villageCode) => !ReadOnly && !FileOnly && (All || villages.Contains(villageCode));

    public bool CanFile(string villageCode) => !ReadOnly && (All || villages.Contains(villageCode));
}
