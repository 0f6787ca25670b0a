using Bansos.Contracts;
using Bansos.Registry.Domain.Households;
using Bansos.Registry.Domain.Import;

namespace Bansos.Registry.Domain.Reimport;

/// <summary>
/// Decides what an imported household means for the registry, as a pure function of the draft and
/// what the host loaded: the stored household with the same KK (if any) and, for each NIK of the draft
/// that is already registered, the KK of the household holding it.
/// </summary>
public static class ReimportPolicy
{
    public static ReimportDecision Decide(
        HouseholdDraft draft, Household? existing, IReadOnlyDictionary<Nik, KkNumber> nikOwners)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(nikOwners);
        if (existing is not null && existing.Kk != draft.Kk)
        {
            throw new ArgumentException("The stored household must have the draft's KK number.", nameof(existing));
        }

        Dictionary<long, List<ValidationError>>? lineErrors = null; // most households have none
        var members = draft.Details.Members;
        for (var i = 0; i < members.Count; i++)
        {
            if (nikOwners.TryGetValue(members[i].Nik, out var owner) && owner != draft.Kk)
            {
                Add(ref lineErrors, draft.MemberLines[i], DomainErrors.NikInOtherHousehold("nik"));
            }
        }

        var changes = existing is null ? [] : HouseholdChanges.Between(existing.Details, draft.Details.Normalized());
        if (existing is { Status: HouseholdStatus.Removed } && changes.Count > 0)
        {
            Add(ref lineErrors, draft.FirstLine, DomainErrors.HouseholdRemoved("kk"));
        }

        if (lineErrors is not null)
        {
            var conflicts = new List<RejectedRow>();
            foreach (var line in draft.MemberLines)
            {
                var errors = lineErrors.TryGetValue(line, out var own) ? own : [DomainErrors.HouseholdRejected("kk")];
                conflicts.AddRange(errors.Select(e => RejectedRow.From(line, e, draft.Kk.Value)));
            }

            return new ReimportDecision(ReimportOutcome.Conflict, changes, conflicts);
        }

        if (existing is null)
        {
            // Registering records its own initial values; nothing to compare against here.
            return new ReimportDecision(ReimportOutcome.New, [], []);
        }

        return new ReimportDecision(changes.Count == 0 ? ReimportOutcome.Unchanged : ReimportOutcome.Changed, changes, []);
    }

    private static void Add(ref Dictionary<long, List<ValidationError>>? lineErrors, long line, ValidationError error)
    {
        lineErrors ??= [];
        if (!lineErrors.TryGetValue(line, out var list))
        {
            list = [];
            lineErrors.Add(line, list);
        }

        list.Add(error);
    }
}
