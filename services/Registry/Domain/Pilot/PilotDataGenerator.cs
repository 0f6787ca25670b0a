using System.Globalization;
using Bansos.Registry.Domain.Areas;
using Bansos.Registry.Domain.Import;

namespace Bansos.Registry.Domain.Pilot;

/// <summary>
/// Deterministic synthetic households in the import CSV format. <see cref="GeneratePilot"/> makes the
/// 707 KPM of the pilot (351 in Kecamatan Ketahun, 356 in Kecamatan Putri Hijau);
/// <see cref="GenerateSynthetic(int, int, AreaReference?)"/> streams any number of people across the
/// villages of Bengkulu for the import benchmark. The same seed always gives the same rows, on any
/// runtime: the generator does no I/O and uses its own random sequence.
/// </summary>
/// <remarks>
/// NIKs and KK numbers use the village's district, the encoded birth (or issue) date and a serial
/// counted per district. In the pilot every serial in a district is distinct. The synthetic set, which
/// may exceed 9 999 people per district, shifts the date by a few days so that (date, serial) stays
/// unique for up to 16 × 9 999 people per district.
/// </remarks>
public static class PilotDataGenerator
{
    /// <summary>The seed of the committed pilot file (the date of the province's pilot meeting).</summary>
    public const int DefaultSeed = 20211029;

    /// <summary>Ages are relative to the pilot's start; every date lies on or before it.</summary>
    public static readonly DateOnly ReferenceDate = new(2021, 11, 1);

    /// <summary>The four pilot villages and their household counts.</summary>
    public static IReadOnlyList<VillageQuota> PilotVillages { get; } =
    [
        new("17.03.12.2001", 176, JavanesePercent: 25), // Urai, Ketahun
        new("17.03.12.2003", 175, JavanesePercent: 75), // Giri Kencana, Ketahun (transmigrant village)
        new("17.03.14.2017", 178, JavanesePercent: 45), // Air Petai, Putri Hijau
        new("17.03.14.2013", 178, JavanesePercent: 45), // Air Muring, Putri Hijau
    ];

    /// <summary>Where the host and tests find the committed pilot file, relative to the output directory.</summary>
    public const string PilotFileRelativePath = "Seed/pilot-households.csv";

    /// <summary>The 707 pilot households, as rows numbered from line 2 (after the header).</summary>
    public static IEnumerable<ImportRow> GeneratePilot(int seed = DefaultSeed) => Generate(seed, PilotVillages);

    /// <summary>Households village by village, in the order given.</summary>
    public static IEnumerable<ImportRow> Generate(int seed, IReadOnlyList<VillageQuota> villages)
    {
        ArgumentNullException.ThrowIfNull(villages);
        var factory = new HouseholdFactory(seed, spreadDates: false);
        foreach (var quota in villages)
        {
            if (!AreaReference.HasShape(quota.VillageCode, AreaLevel.Village))
            {
                throw new ArgumentException($"Not a village code: {quota.VillageCode}", nameof(villages));
            }

            var village = new VillageInfo(quota.VillageCode, quota.JavanesePercent);
            for (var h = 0; h < quota.Households; h++)
            {
                foreach (var row in factory.Household(village, int.MaxValue))
                {
                    yield return row;
                }
            }
        }
    }

    /// <summary>
    /// Exactly <paramref name="persons"/> people in households spread round-robin over every village of
    /// Bengkulu (province 17) in <paramref name="areas"/> (default: the shipped reference). Streams: memory
    /// does not grow with the count.
    /// </summary>
    public static IEnumerable<ImportRow> GenerateSynthetic(int persons, int seed, AreaReference? areas = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(persons);
        areas ??= AreaReference.LoadDefault();
        var villages = areas.VillagesUnder("17").Select(v => new VillageInfo(v.Code, 40)).ToArray();
        if (villages.Length == 0)
        {
            throw new InvalidOperationException("The area reference has no villages in Bengkulu (17).");
        }

        return Stream(persons, seed, villages);

        static IEnumerable<ImportRow> Stream(int persons, int seed, VillageInfo[] villages)
        {
            var factory = new HouseholdFactory(seed, spreadDates: true);
            var left = persons;
            for (var h = 0; left > 0; h++)
            {
                foreach (var row in factory.Household(villages[h % villages.Length], left))
                {
                    left--;
                    yield return row;
                }
            }
        }
    }

    /// <summary>Writes the header and the rows (LF line ends, UTF-8 without BOM is up to the writer).</summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<ImportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        HouseholdCsv.WriteHeader(writer);
        foreach (var row in rows)
        {
            HouseholdCsv.WriteRow(writer, row);
        }
    }

    private sealed record VillageInfo(string Code, int JavanesePercent)
    {
        public string DistrictDigits { get; } = string.Concat(Code.AsSpan(0, 2), Code.AsSpan(3, 2), Code.AsSpan(6, 2));
    }

    private sealed record Person(string Name, string Relation, bool Female, DateOnly BirthDate);

    /// <summary>Makes one household at a time; holds only the random state and per-district counters.</summary>
    private sealed class HouseholdFactory(int seed, bool spreadDates)
    {
        private const int SerialsPerDate = 9999;
        private const int DateSpread = 16;

        private readonly Dictionary<string, int> personCounters = [];
        private readonly Dictionary<string, int> familyCounters = [];
        private SplitMix64 random = new((ulong)(uint)seed * 0x2545F4914F6CDD1DUL + 1);
        private long line = 1;

        public IEnumerable<ImportRow> Household(VillageInfo village, int maxPersons)
        {
            var javanese = random.Chance(village.JavanesePercent);
            var people = Members(javanese);
            if (people.Count > maxPersons)
            {
                people.RemoveRange(maxPersons, people.Count - maxPersons); // the head comes first and stays
            }

            var youngest = people.Max(p => p.BirthDate);
            var issued = random.Date(Max(youngest, new DateOnly(2008, 1, 1)), ReferenceDate);
            var kk = Number(village.DistrictDigits, issued, female: false, familyCounters);
            var street = random.Chance(20)
                ? random.Pick(PilotNames.Hamlets)
                : $"{random.Pick(PilotNames.Streets)} No. {random.Between(1, 120).ToString(CultureInfo.InvariantCulture)}";
            var rw = random.Between(1, 4);
            var rt = ((rw - 1) * 3) + random.Between(1, 3);
            var desil = Desil();
            var children = people.Count(p => p.Relation == "ANAK" && p.BirthDate > ReferenceDate.AddYears(-18));
            var elderly = people.Any(p => p.BirthDate < ReferenceDate.AddYears(-60));
            var pkh = desil <= 3 && (children > 0 || elderly) && random.Chance(45);
            var programme = pkh ? "SEMBAKO|PKH" : "SEMBAKO";
            var rtText = rt.ToString("D3", CultureInfo.InvariantCulture);
            var rwText = rw.ToString("D3", CultureInfo.InvariantCulture);
            var desilText = desil.ToString(CultureInfo.InvariantCulture);
            var rows = new List<ImportRow>(people.Count);
            foreach (var person in people)
            {
                var birth = person.BirthDate;
                var nik = Number(village.DistrictDigits, birth, person.Female, personCounters, adjust: d => birth = d);
                rows.Add(new ImportRow(
                    ++line, kk, nik, person.Name, person.Relation, person.Female ? "P" : "L",
                    birth.ToIso(), village.Code, street, rtText, rwText, desilText, programme));
            }

            return rows;
        }

        private List<Person> Members(bool javanese)
        {
            var people = new List<Person>(8);
            var femaleHead = random.Chance(14);
            var menNames = javanese ? PilotNames.JavaneseMen : PilotNames.SumatranMen;
            var womenNames = javanese ? PilotNames.JavaneseWomen : PilotNames.SumatranWomen;
            var headBirth = random.Date(ReferenceDate.AddYears(femaleHead ? -75 : -68), ReferenceDate.AddYears(femaleHead ? -28 : -22));
            var headName = random.Pick(femaleHead ? womenNames : menNames);
            people.Add(new Person(headName, "KEPALA", femaleHead, headBirth));

            DateOnly? motherBirth = femaleHead ? headBirth : null;
            if (!femaleHead && random.Chance(93))
            {
                var wifeBirth = Clamp(headBirth.AddDays(random.Between(-3 * 365, 9 * 365)), ReferenceDate.AddYears(-80), ReferenceDate.AddYears(-18));
                people.Add(new Person(random.Pick(womenNames), "ISTRI", true, wifeBirth));
                motherBirth = wifeBirth;
            }

            // Children: born while the mother (or a widowed father) was 19–42, at least 15 months apart,
            // eldest first; a grown child may still be on the KK until about 30.
            var parentBirth = motherBirth ?? headBirth;
            var wanted = random.Pick(ChildCounts);
            var earliest = Max(parentBirth.AddYears(19), ReferenceDate.AddYears(-30));
            var latest = Min(parentBirth.AddYears(42), ReferenceDate);
            var childBirth = earliest;
            var patronym = !javanese && random.Chance(30) ? " " + headName.Split(' ')[0] : "";
            for (var c = 0; c < wanted && childBirth <= latest; c++)
            {
                var room = latest.DayNumber - childBirth.DayNumber;
                var born = random.Date(childBirth, childBirth.AddDays(Math.Min(room, 6 * 365 / Math.Max(1, wanted - c))));
                var girl = random.Chance(49);
                var name = random.Pick(girl ? PilotNames.Girls : PilotNames.Boys);
                if (patronym.Length > 0 && !femaleHead)
                {
                    name = name.Split(' ')[0] + patronym;
                }

                people.Add(new Person(name, "ANAK", girl, born));
                childBirth = born.AddDays(456);
            }

            if (random.Chance(femaleHead ? 12 : 8))
            {
                var parentOfHead = random.Date(
                    Max(headBirth.AddYears(-38), ReferenceDate.AddYears(-98)), Min(headBirth.AddYears(-19), ReferenceDate.AddYears(-45)));
                var female = random.Chance(70);
                people.Add(new Person(random.Pick(female ? PilotNames.OldWomen : PilotNames.OldMen), "ORANG_TUA", female, parentOfHead));
            }

            if (random.Chance(4))
            {
                var girl = random.Chance(50);
                people.Add(new Person(
                    random.Pick(girl ? PilotNames.Girls : PilotNames.Boys), "LAINNYA", girl,
                    random.Date(ReferenceDate.AddYears(-15), ReferenceDate.AddMonths(-2))));
            }

            return people;
        }

        private static readonly int[] ChildCounts = [0, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5];

        private int Desil()
        {
            var roll = random.Next(100);
            return roll switch
            {
                < 30 => 1,
                < 60 => 2,
                < 82 => 3,
                < 95 => 4,
                < 99 => 5,
                _ => 6,
            };
        }

        /// <summary>District + DDMMYY (DD + 40 for women) + a serial counted per district.</summary>
        private string Number(
            string district, DateOnly date, bool female, Dictionary<string, int> counters, Action<DateOnly>? adjust = null)
        {
            var count = counters.GetValueOrDefault(district);
            counters[district] = count + 1;
            var block = count / SerialsPerDate;
            if (spreadDates)
            {
                if (block >= DateSpread)
                {
                    throw new InvalidOperationException($"More than {DateSpread * SerialsPerDate} numbers in district {district}.");
                }

                // Shift back to the day whose number ≡ block (mod 16): numbers of different blocks never share a date.
                date = date.AddDays(-(((date.DayNumber - block) % DateSpread + DateSpread) % DateSpread));
                adjust?.Invoke(date);
            }
            else if (block > 0)
            {
                throw new InvalidOperationException($"More than {SerialsPerDate} numbers in district {district}.");
            }

            var serial = (count % SerialsPerDate) + 1;
            var day = date.Day + (female ? 40 : 0);
            return string.Create(CultureInfo.InvariantCulture,
                $"{district}{day:D2}{date.Month:D2}{date.Year % 100:D2}{serial:D4}");
        }

        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

        private static DateOnly Clamp(DateOnly d, DateOnly min, DateOnly max) => d < min ? min : d > max ? max : d;
    }
}
