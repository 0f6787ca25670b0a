namespace Bansos.Complaint.Domain;

/// <summary>
/// Which tickets a caller may see and change: admins all; auditors all, read-only and masked;
/// operators those of the villages in their token's <c>village</c> claims; a terminal (an agent)
/// may only file. A caller with several roles gets the widest.
/// </summary>
public sealed class VillageScope
{
    private readonly HashSet<string> villages;

    private VillageScope(bool all, bool readOnly, bool canFileAnywhere, IEnumerable<string> villages)
    {
        All = all;
        ReadOnly = readOnly;
        CanFileAnywhere = canFileAnywhere;
        this.villages = new HashSet<string>(villages, StringComparer.Ordinal);
    }

    /// <summary>Sees every village.</summary>
    public bool All { get; }

    /// <summary>May read only (auditors); personal data is masked for them.</summary>
    public bool ReadOnly { get; }

    /// <summary>Files for any village without seeing tickets (terminals).</summary>
    public bool CanFileAnywhere { get; }

    public IReadOnlyCollection<string> Villages => villages;

    public bool Masked => ReadOnly;

    public static VillageScope For(bool admin, bool operatorRole, bool auditor, bool terminal, IEnumerable<string> villageClaims)
    {
        if (admin)
        {
            return new VillageScope(all: true, readOnly: false, canFileAnywhere: true, []);
        }

        if (operatorRole)
        {
            return new VillageScope(all: false, readOnly: false, canFileAnywhere: terminal, villageClaims);
        }

        if (auditor)
        {
            return new VillageScope(all: true, readOnly: true, canFileAnywhere: false, []);
        }

        return new VillageScope(all: false, readOnly: false, canFileAnywhere: terminal, []);
    }

    public bool CanSee(string villageCode) => All || villages.Contains(villageCode);

    public bool CanChange(string villageCode) => !ReadOnly && (All || villages.Contains(villageCode));

    public bool CanFile(string villageCode) => CanFileAnywhere || CanChange(villageCode);
}
