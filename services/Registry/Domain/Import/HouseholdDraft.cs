using Bansos.Registry.Domain.Households;

namespace Bansos.Registry.Domain.Import;

/// <summary>
/// A household read from the import file that passed every check on its own: ready to be compared
/// with what is stored (<see cref="Reimport.ReimportPolicy"/>) and registered or updated.
/// </summary>
/// <param name="MemberLines">The file line of each member, in the order of <see cref="HouseholdDetails.Members"/>.</param>
public sealed record HouseholdDraft(KkNumber Kk, HouseholdDetails Details, IReadOnlyList<long> MemberLines) : ImportItem
{
    public long FirstLine => MemberLines[0];

    public long LastLine => MemberLines[^1];

    /// <summary>The line of the member with this NIK, or the first line.</summary>
    public long LineOf(Nik nik)
    {
        for (var i = 0; i < Details.Members.Count; i++)
        {
            if (Details.Members[i].Nik == nik)
            {
                return MemberLines[i];
            }
        }

        return FirstLine;
    }
}
