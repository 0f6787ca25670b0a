using System.Globalization;
using System.Text;
using Bansos.Registry.Domain.Import;

namespace Bansos.Registry.Tests.Support;

/// <summary>One person row of the import CSV, as text (so tests can also write wrong values).</summary>
public sealed record Person(string Nik, string Name, string Relation, string Sex, string BirthDate);

/// <summary>A household as CSV rows; <see cref="Rows"/> quotes fields where RFC 4180 needs it.</summary>
public sealed record Family(
    string Kk, string Village, string Street, string Rt, string Rw, string Desil, string Programmes, IReadOnlyList<Person> Members)
{
    public Person Head => Members[0];

    public IEnumerable<string> Rows() => Members.Select(m => Row(m));

    /// <summary>One row; <paramref name="village"/> overrides the household's village on that row only.</summary>
    public string Row(Person m, string? village = null) => string.Join(',', new[]
    {
        Kk, m.Nik, m.Name, m.Relation, m.Sex, m.BirthDate, village ?? Village, Street, Rt, Rw, Desil, Programmes,
    }.Select(Quote));

    public Family WithMember(int index, Person person) =>
        this with { Members = [.. Members.Select((m, i) => i == index ? person : m)] };

    private static string Quote(string value)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        CsvFields.Write(writer, value);
        return writer.ToString();
    }
}

/// <summary>
/// Deterministic, valid test households (docs/architecture.md §3): NIK = district + DDMMYY (+40 to the day for women)
/// + serial; KK = district + issue date + serial. Serials start at 8000 so they never meet the pilot
/// file's (which stay below 2000), and every family number <c>n</c> gets its own serials.
/// </summary>
public static class TestFamilies
{
    public const string Header = HouseholdCsv.Header;

    public const string GiriKencana = "17.03.12.2003";
    public const string Urai = "17.03.12.2001";
    public const string AirPetai = "17.03.14.2017";

    /// <summary>
    /// Family number <paramref name="n"/> (0–399): a KEPALA, an ISTRI and (with three or more members) children,
    /// in <paramref name="village"/>.
    /// </summary>
    public static Family Create(
        int n, string village = GiriKencana, string? headName = null, int members = 3, string programmes = "SEMBAKO",
        string desil = "3", string street = "Jl. Uji Coba No. 1")
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 399);
        var district = District(village);
        var serial = 8000 + (n * 4);
        var people = new List<Person>
        {
            Male(district, new DateOnly(1970 + (n % 20), 1 + (n % 12), 1 + (n % 28)), serial, headName ?? $"Kepala Uji {n}", "KEPALA"),
        };
        if (members >= 2)
        {
            people.Add(Female(district, new DateOnly(1975 + (n % 20), 1 + ((n + 3) % 12), 1 + ((n + 5) % 28)), serial + 1, $"Istri Uji {n}", "ISTRI"));
        }

        for (var c = 2; c < members; c++)
        {
            people.Add(Male(district, new DateOnly(2005 + c, 1 + (n % 12), 1 + (n % 28)), serial + c, $"Anak Uji {n} {c}", "ANAK"));
        }

        return new Family(Kk(district, serial), village, street, "001", "002", desil, programmes, people);
    }

    public static string District(string village) => village.Replace(".", "", StringComparison.Ordinal)[..6];

    public static string Kk(string district, int serial) => $"{district}150221{serial:D4}";

    public static string Nik(string district, DateOnly birth, bool female, int serial) =>
        string.Create(CultureInfo.InvariantCulture, $"{district}{birth.Day + (female ? 40 : 0):D2}{birth.Month:D2}{birth.Year % 100:D2}{serial:D4}");

    public static Person Male(string district, DateOnly birth, int serial, string name, string relation = "ANAK") =>
        new(Nik(district, birth, female: false, serial), name, relation, "L", Iso(birth));

    public static Person Female(string district, DateOnly birth, int serial, string name, string relation = "ANAK") =>
        new(Nik(district, birth, female: true, serial), name, relation, "P", Iso(birth));

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The CSV text: header, then each family's rows, then any <paramref name="extraLines"/> verbatim.</summary>
    public static string Csv(IEnumerable<Family> families, params string[] extraLines)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var family in families)
        {
            foreach (var row in family.Rows())
            {
                text.Append(row).Append('\n');
            }
        }

        foreach (var line in extraLines)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Header plus the given lines, verbatim.</summary>
    public static string Lines(params string[] lines) => Header + "\n" + string.Join('\n', lines) + "\n";
}

/// <summary>What the committed pilot file holds (the pilot seed, docs/registry.md).</summary>
public static class Pilot
{
    public const int Households = 707;

    public const string Ketahun = "17.03.12";
    public const string PutriHijau = "17.03.14";

    public static readonly IReadOnlyDictionary<string, string> Villages = new Dictionary<string, string>
    {
        ["17.03.12.2001"] = "Urai",
        ["17.03.12.2003"] = "Giri Kencana",
        ["17.03.14.2013"] = "Air Muring",
        ["17.03.14.2017"] = "Air Petai",
    };

    public static string File => Path.Combine(AppContext.BaseDirectory, "Seed", "pilot-households.csv");
}

/// <summary>The committed pilot file, read the plain way (it has no quoted fields) to know what to expect.</summary>
public sealed record PilotRow(long Line, string Kk, string Nik, string Name, string Relation, string Sex, string BirthDate, string Village, string Programmes)
{
    private static readonly Lazy<IReadOnlyList<PilotRow>> Rows = new(() =>
    [
        .. File.ReadLines(Pilot.File).Skip(1).Select((text, index) => (text, index)).Where(x => x.text.Length > 0).Select(x =>
        {
            var f = x.text.Split(',');
            return new PilotRow(x.index + 2, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[11]);
        }),
    ]);

    public static IReadOnlyList<PilotRow> All => Rows.Value;

    public static IReadOnlyList<PilotRow> Heads => [.. All.Where(r => r.Relation == "KEPALA")];
}
