using System.Runtime.CompilerServices;
using Bansos.Registry.Domain.Areas;
using Bansos.Registry.Domain.Households;

namespace Bansos.Registry.Domain.Import;

/// <summary>
/// Turns the row stream of <see cref="ImportRowReader"/> into <see cref="HouseholdDraft"/>s: consecutive
/// rows with the same KK number make one household, validated as a whole. A household with any bad
/// row is rejected entirely — every row gets either its own reasons or <c>HOUSEHOLD_REJECTED</c> — so that
/// no family is imported short of a member. Everything else in the file still goes through.
/// </summary>
/// <remarks>
/// Checks: each field; all rows of a KK agree on village, street, RT, RW, desil and programmes; exactly
/// one KEPALA; a NIK only once in the file (so far); rows of a KK contiguous (a KK that comes back
/// later is rejected for the later rows). Memory: one household's rows plus a set of the NIKs and KK
/// numbers seen, as 64-bit numbers (about 30 MB for a million people).
/// One assembler reads one file: create a new one per import. <paramref name="expectedRows"/> sizes
/// the two sets up front: grown by doubling, their arrays land on the large-object heap again and
/// again, and each of those allocations can set off a full garbage collection.
/// </remarks>
public sealed class HouseholdAssembler(AreaReference areas, DateOnly today, int expectedRows = 0)
{
    private readonly Dictionary<long, long> nikLines = new(expectedRows);
    private readonly HashSet<long> finishedKks = new(expectedRows / 4);
    private readonly List<ImportRow> group = [];
    private string? groupKk;
    private bool groupTainted;
    private bool groupOverflow;
    private string? pendingTaintKk;

    public long RowCount { get; private set; }

    public long HouseholdCount { get; private set; }

    /// <summary>Groups of rows (one KK each) that were rejected as a household.</summary>
    public long RejectedHouseholdCount { get; private set; }

    /// <summary>Rejected lines (each counted once, however many reasons it has).</summary>
    public long RejectedLineCount { get; private set; }

    public IEnumerable<ImportItem> Assemble(IEnumerable<ImportItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var output = new List<ImportItem>();
        foreach (var item in items)
        {
            var stop = Accept(item, output);
            foreach (var produced in output)
            {
                yield return produced;
            }

            output.Clear();
            if (stop)
            {
                yield break;
            }
        }

        Flush(output);
        foreach (var produced in output)
        {
            yield return produced;
        }
    }

    public async IAsyncEnumerable<ImportItem> AssembleAsync(
        IAsyncEnumerable<ImportItem> items, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var output = new List<ImportItem>();
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            var stop = Accept(item, output);
            foreach (var produced in output)
            {
                yield return produced;
            }

            output.Clear();
            if (stop)
            {
                yield break;
            }
        }

        Flush(output);
        foreach (var produced in output)
        {
            yield return produced;
        }
    }

    /// <summary>Feeds one item; returns true when the import must stop (a file-level error).</summary>
    private bool Accept(ImportItem item, List<ImportItem> output)
    {
        switch (item)
        {
            case ImportFileError:
                group.Clear();
                output.Add(item);
                return true;

            case RejectedRow rejected:
                RejectedLineCount++;
                if (rejected.Kk is { } hint)
                {
                    // A broken line that names the open household's KK spoils that household; one that
                    // names another KK may be the first line of the next household.
                    if (groupKk is not null && string.Equals(hint, groupKk, StringComparison.Ordinal))
                    {
                        groupTainted = true;
                    }
                    else
                    {
                        pendingTaintKk = hint;
                    }
                }

                output.Add(rejected);
                return false;

            case ImportRow row:
                RowCount++;
                var kk = row.Kk.Trim();
                if (groupKk is not null && !string.Equals(kk, groupKk, StringComparison.Ordinal))
                {
                    Flush(output);
                }

                if (groupKk is null)
                {
                    groupKk = kk;
                    groupTainted = string.Equals(pendingTaintKk, kk, StringComparison.Ordinal);
                    groupOverflow = false;
                }

                pendingTaintKk = null;
                if (group.Count >= HouseholdRules.MaxMembers)
                {
                    // Keep memory bounded whatever the file says: the household is rejected anyway.
                    groupOverflow = true;
                    RejectedLineCount++;
                    output.Add(RejectedRow.From(row.Line, DomainErrors.TooManyMembers("kk", HouseholdRules.MaxMembers), kk));
                }
                else
                {
                    group.Add(row);
                }

                return false;

            default:
                output.Add(item);
                return false;
        }
    }

    private void Flush(List<ImportItem> output)
    {
        if (groupKk is null)
        {
            return;
        }

        try
        {
            var draft = Validate(out var rejections);
            if (draft is not null)
            {
                HouseholdCount++;
                output.Add(draft);
            }
            else
            {
                RejectedHouseholdCount++;
                RejectedLineCount += group.Count;
                output.AddRange(rejections);
            }
        }
        finally
        {
            group.Clear();
            groupKk = null;
            groupTainted = false;
            groupOverflow = false;
        }
    }

    private HouseholdDraft? Validate(out List<RejectedRow> rejections)
    {
        rejections = [];
        var kkText = groupKk!;
        var rowErrors = new List<ValidationError>[group.Count];
        for (var i = 0; i < rowErrors.Length; i++)
        {
            rowErrors[i] = [];
        }

        var kk = KkNumber.Parse(kkText, areas);
        var notContiguous = false;
        if (!kk.IsValid)
        {
            foreach (var errors in rowErrors)
            {
                errors.AddRange(kk.Errors);
            }
        }
        else if (finishedKks.Contains(kk.Value.ToInt64()))
        {
            notContiguous = true;
            foreach (var errors in rowErrors)
            {
                errors.Add(DomainErrors.KkNotContiguous("kk"));
            }
        }

        var members = new Member?[group.Count];
        Address? address = null;
        Desil? desil = null;
        IReadOnlyList<Programme>? programmes = null;
        var first = group[0];
        for (var i = 0; i < group.Count; i++)
        {
            var row = group[i];
            var errors = rowErrors[i];
            var member = Member.Parse(row.Nik, row.Name, row.Relation, row.Sex, row.BirthDate, areas, today);
            errors.AddRange(member.Errors);
            members[i] = member.IsValid ? member.Value : null;

            var rowAddress = Address.Parse(row.VillageCode, row.Rt, row.Rw, row.Street, areas);
            var rowDesil = Domain.Desil.Parse(row.Desil);
            var rowProgrammes = ProgrammeCodes.ParseList(row.Programmes);
            if (i == 0)
            {
                errors.AddRange(rowAddress.Errors);
                errors.AddRange(rowDesil.Errors);
                errors.AddRange(rowProgrammes.Errors);
                address = rowAddress.IsValid ? rowAddress.Value : null;
                desil = rowDesil.IsValid ? rowDesil.Value : null;
                programmes = rowProgrammes.IsValid ? rowProgrammes.Value : null;
            }
            else
            {
                // Household fields must repeat the first row; compare normalised values where both
                // parse (RT 3 = RT 003), else the text.
                Agree(errors, "kode_desa", "Kode desa", first.VillageCode, row.VillageCode,
                    address?.Village.Value, rowAddress.IsValid ? rowAddress.Value.Village.Value : null, first.Line);
                Agree(errors, "rt", "RT", first.Rt, row.Rt, address?.Rt, rowAddress.IsValid ? rowAddress.Value.Rt : null, first.Line);
                Agree(errors, "rw", "RW", first.Rw, row.Rw, address?.Rw, rowAddress.IsValid ? rowAddress.Value.Rw : null, first.Line);
                Agree(errors, "alamat", "Alamat", first.Street, row.Street, null, null, first.Line);
                Agree(errors, "desil", "Desil", first.Desil, row.Desil, desil?.ToString(),
                    rowDesil.IsValid ? rowDesil.Value.ToString() : null, first.Line);
                Agree(errors, "program", "Program", first.Programmes, row.Programmes, programmes?.ToListCode(),
                    rowProgrammes.IsValid ? rowProgrammes.Value.ToListCode() : null, first.Line);
            }

            if (member.IsValid)
            {
                var key = member.Value.Nik.ToInt64();
                if (nikLines.TryGetValue(key, out var earlier))
                {
                    errors.Add(DomainErrors.NikDuplicateInFile("nik", earlier));
                }
            }
        }

        // The household rules (one KEPALA, …) mean nothing for the stray rows of a KK seen before.
        if (!notContiguous && Array.TrueForAll(members, m => m is not null))
        {
            foreach (var (index, error) in HouseholdRules.CheckMembers(members!))
            {
                // Member-level errors were reported by Member.Parse; add only the household rules.
                if (error.Code is "HEAD_COUNT" or "NIK_DUPLICATE_IN_HOUSEHOLD" or "NO_MEMBERS" or "TOO_MANY_MEMBERS")
                {
                    rowErrors[index ?? 0].Add(error);
                }
            }
        }

        if (groupOverflow)
        {
            rowErrors[0].Add(DomainErrors.TooManyMembers("kk", HouseholdRules.MaxMembers));
        }

        // Remember what this household claimed, accepted or not: a later repeat is suspicious either way.
        for (var i = 0; i < members.Length; i++)
        {
            if (members[i] is { } m)
            {
                nikLines.TryAdd(m.Nik.ToInt64(), group[i].Line);
            }
        }

        var anyErrors = Array.Exists(rowErrors, e => e.Count > 0);
        if (kk.IsValid && !finishedKks.Contains(kk.Value.ToInt64()))
        {
            finishedKks.Add(kk.Value.ToInt64());
        }

        if (!anyErrors && !groupTainted && address is not null && desil is not null && programmes is not null)
        {
            var lines = group.Select(r => r.Line).ToArray();
            return new HouseholdDraft(kk.Value, new HouseholdDetails(address, desil.Value, members!, programmes), lines);
        }

        for (var i = 0; i < group.Count; i++)
        {
            var errors = rowErrors[i].Count > 0 ? rowErrors[i] : [DomainErrors.HouseholdRejected("kk")];
            foreach (var error in errors)
            {
                rejections.Add(RejectedRow.From(group[i].Line, error, kkText));
            }
        }

        return null;
    }

    private static void Agree(
        List<ValidationError> errors, string field, string label, string firstText, string rowText,
        string? firstParsed, string? rowParsed, long firstLine)
    {
        var same = firstParsed is not null && rowParsed is not null
            ? string.Equals(firstParsed, rowParsed, StringComparison.Ordinal)
            : string.Equals(firstText.Trim(), rowText.Trim(), StringComparison.Ordinal);
        if (!same)
        {
            errors.Add(DomainErrors.HouseholdInconsistent(field, label, firstLine));
        }
    }
}
