namespace Bansos.Registry.Domain.Households;

/// <summary>
/// Everything about a household that a person or an import may change: address, desil, members and
/// programme enrolments. The KK number and the status are not in here: they change by their own commands.
/// </summary>
public sealed record HouseholdDetails(
    Address Address,
    Desil Desil,
    IReadOnlyList<Member> Members,
    IReadOnlyList<Programme> Programmes)
{
    /// <summary>The KEPALA, if there is exactly one.</summary>
    public Member? Head
    {
        get
        {
            Member? head = null;
            foreach (var member in Members)
            {
                if (member.Relation == Relation.Kepala)
                {
                    if (head is not null)
                    {
                        return null;
                    }

                    head = member;
                }
            }

            return head;
        }
    }

    /// <summary>The same details with programmes sorted and without repeats.</summary>
    public HouseholdDetails Normalized() => this with { Programmes = ProgrammeCodes.Normalize(Programmes) };
}
