using Bansos.Protos.Registry.V1;
using Bansos.Registry.Tests.Support;

namespace Bansos.Registry.Tests.Import;

/// <summary>
/// One import of good and bad households against a registry that other tests of the class also
/// write to (one at a time): everything is checked as a difference from the state before, and by
/// the test's own KK numbers and NIKs.
/// </summary>
public sealed class ImportScenario
{
    private readonly List<(Family Family, bool Good, long FirstLine)> families = [];
    private readonly List<string> lines = [];
    private long nextLine = 2; // line 1 is the header

    public ImportScenario Good(params Family[] good)
    {
        foreach (var family in good)
        {
            families.Add((family, true, nextLine));
            lines.AddRange(family.Rows());
            nextLine += family.Members.Count;
        }

        return this;
    }

    /// <summary>A household that must be rejected as a whole; returns the line number of its first row.</summary>
    public long Bad(Family bad) => Bad(bad, bad.Rows());

    /// <summary>A bad household written as the given lines (e.g. one of them broken).</summary>
    public long Bad(Family bad, IEnumerable<string> rows)
    {
        var first = nextLine;
        families.Add((bad, false, nextLine));
        lines.AddRange(rows);
        nextLine += bad.Members.Count;
        return first;
    }

    /// <summary>A raw line (the next line number), rejected on its own.</summary>
    public long BadLine(string line)
    {
        lines.Add(line);
        return nextLine++;
    }

    public IEnumerable<Family> GoodFamilies => families.Where(f => f.Good).Select(f => f.Family);

    public IEnumerable<Family> BadFamilies => families.Where(f => !f.Good).Select(f => f.Family);

    public string Csv() => TestFamilies.Lines([.. lines]);

    /// <summary>
    /// Imports the file and checks: the expected reasons on their lines; every row of a bad household
    /// rejected, no row of a good one; and the database — the good households complete (members,
    /// history, one HouseholdRegistered each), nothing of the bad ones; with all-or-nothing nothing at
    /// all but the import's own record.
    /// </summary>
    public async Task<ImportResult> RunAsync(
        RegistryFactory registry, Transport transport, bool allOrNothing, params (long Line, string Field, string Reason)[] expected)
    {
        var before = await registry.StateAsync();
        var registeredBefore = await registry.OutboxCountAsync("HouseholdRegistered");

        var result = (await registry.ImportAsync(transport, Csv(), allOrNothing)).Ok;

        foreach (var (line, field, reason) in expected)
        {
            var rows = result.RejectedRows.Where(r => r.Line == line).ToList();
            Assert.True(rows.Count > 0, $"line {line} is not rejected; rejected: {Describe(result)}");
            Assert.True(rows.Any(r => r.Field == field && r.Reason.Contains(reason, StringComparison.Ordinal)),
                $"line {line} lacks '{field}: …{reason}…'; it has: {string.Join(" | ", rows.Select(r => $"{r.Field}: {r.Reason}"))}");
        }

        var badLines = families.Where(f => !f.Good).SelectMany(f => Enumerable.Range(0, f.Family.Members.Count).Select(i => f.FirstLine + i))
            .Concat(expected.Select(e => e.Line)).Distinct().Order().ToList();
        Assert.Equal(badLines, result.RejectedRows.Select(r => r.Line).Distinct().Order());
        Assert.Equal(badLines.Count, result.RowsRejected);
        Assert.All(result.RejectedRows, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));

        var good = GoodFamilies.ToList();
        var goodMembers = good.Sum(f => f.Members.Count);
        var after = await registry.StateAsync();
        if (allOrNothing)
        {
            Assert.False(result.Committed);
            Assert.Equal((0, 0, 0), (result.HouseholdsCreated, result.HouseholdsUpdated, result.HouseholdsUnchanged));
            Assert.Equal(before with { Imports = before.Imports + 1, Audit = before.Audit + 1 }, after);
            foreach (var family in good)
            {
                Assert.Empty(await registry.NiksAsync(family.Kk));
            }
        }
        else
        {
            Assert.True(result.Committed);
            Assert.Equal(good.Count, result.HouseholdsCreated);
            Assert.Equal(goodMembers, result.PersonsCreated);
            Assert.Equal(BadFamilies.Count(), result.HouseholdsRejected);
            Assert.Equal(before with
            {
                Households = before.Households + good.Count,
                Members = before.Members + goodMembers,
                History = before.History + good.Count,
                Outbox = before.Outbox + good.Count,
                Imports = before.Imports + 1,
                CommittedImports = before.CommittedImports + 1,
                Audit = before.Audit + 1,
            }, after);
            Assert.Equal(registeredBefore + good.Count, await registry.OutboxCountAsync("HouseholdRegistered"));
            foreach (var family in good)
            {
                Assert.Equal(family.Members.Select(m => m.Nik), await registry.NiksAsync(family.Kk));
            }
        }

        foreach (var family in BadFamilies)
        {
            Assert.Empty(await registry.QueryAsync<string>("SELECT kk_number FROM households WHERE kk_number = @kk", new { kk = family.Kk }));
        }

        return result;
    }

    public static string Describe(ImportResult result) =>
        string.Join(" | ", result.RejectedRows.Select(r => $"{r.Line} {r.Field}: {r.Reason}"));
}
