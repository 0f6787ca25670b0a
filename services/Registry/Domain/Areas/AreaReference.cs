using System.Diagnostics;
using System.Text;
using Bansos.Registry.Domain.Import;

namespace Bansos.Registry.Domain.Areas;

/// <summary>
/// The Kemendagri area reference (provinces, regencies, districts, villages) held in memory for
/// fast lookups. Load it once per process (<see cref="LoadDefault"/>) and share it: it is immutable.
/// </summary>
public sealed class AreaReference
{
    /// <summary>Where the project ships the reference, relative to the output directory.</summary>
    public const string DefaultRelativeDirectory = "Reference/wilayah";

    private static readonly Lazy<AreaReference> Default = new(
        () => LoadFrom(Path.Combine(AppContext.BaseDirectory, DefaultRelativeDirectory)));

    private readonly Dictionary<string, Area> byCode;
    private readonly Dictionary<int, Area> districtsByDigits;
    private readonly Dictionary<string, List<Area>> children;
    private readonly List<Area> provinces;

    private AreaReference(int capacity)
    {
        byCode = new Dictionary<string, Area>(capacity, StringComparer.Ordinal);
        districtsByDigits = new Dictionary<int, Area>(8192);
        children = new Dictionary<string, List<Area>>(16384, StringComparer.Ordinal);
        provinces = [];
    }

    public int ProvinceCount => provinces.Count;

    public int RegencyCount { get; private set; }

    public int DistrictCount => districtsByDigits.Count;

    public int VillageCount { get; private set; }

    /// <summary>How long loading took; reported by tests and the host's start-up log.</summary>
    public TimeSpan LoadTime { get; private set; }

    public IReadOnlyList<Area> Provinces => provinces;

    /// <summary>The reference shipped in the output directory (<c>Reference/wilayah</c>), loaded once.</summary>
    public static AreaReference LoadDefault() => Default.Value;

    /// <summary>Loads provinces.csv, regencies.csv, districts.csv and villages.csv from a directory.</summary>
    public static AreaReference LoadFrom(string directory)
    {
        var clock = Stopwatch.StartNew();
        var villagesFile = Path.Combine(directory, "villages.csv");
        // ~84k villages at ~33 bytes a line: size the tables once instead of growing them.
        var estimate = (int)Math.Min(new FileInfo(villagesFile).Length / 30, 1_000_000) + 10_000;
        var reference = new AreaReference(estimate);
        reference.LoadFile(Path.Combine(directory, "provinces.csv"), AreaLevel.Province);
        reference.LoadFile(Path.Combine(directory, "regencies.csv"), AreaLevel.Regency);
        reference.LoadFile(Path.Combine(directory, "districts.csv"), AreaLevel.District);
        reference.LoadFile(villagesFile, AreaLevel.Village);
        reference.LoadTime = clock.Elapsed;
        return reference;
    }

    /// <summary>A small reference built in memory, e.g. for tests. Parents must come before children.</summary>
    public static AreaReference Create(IEnumerable<Area> areas)
    {
        var reference = new AreaReference(64);
        foreach (var area in areas)
        {
            reference.Add(area, "(memory)", 0);
        }

        return reference;
    }

    public Area? Find(string code) => byCode.GetValueOrDefault(code);

    /// <summary>True for a district given as the six digits NIK and KK use, e.g. <c>170312</c>.</summary>
    public bool HasDistrict(ReadOnlySpan<char> sixDigits) =>
        sixDigits.Length == 6 && Digits.AreAll(sixDigits) && districtsByDigits.ContainsKey((int)Digits.ToInt64(sixDigits));

    public Area? FindDistrictByDigits(ReadOnlySpan<char> sixDigits) =>
        sixDigits.Length == 6 && Digits.AreAll(sixDigits)
            ? districtsByDigits.GetValueOrDefault((int)Digits.ToInt64(sixDigits))
            : null;

    /// <summary>True for a village (desa/kelurahan) given in dotted form, e.g. <c>17.03.12.2003</c>.</summary>
    public bool HasVillage(string code) => byCode.TryGetValue(code, out var area) && area.Level == AreaLevel.Village;

    public Area? FindVillage(string code) =>
        byCode.TryGetValue(code, out var area) && area.Level == AreaLevel.Village ? area : null;

    /// <summary>The areas directly inside <paramref name="parentCode"/> (regencies of a province, …), in file order.</summary>
    public IReadOnlyList<Area> ChildrenOf(string parentCode) =>
        children.TryGetValue(parentCode, out var list) ? list : [];

    /// <summary>Every village of a province, regency or district, in file order.</summary>
    public IEnumerable<Area> VillagesUnder(string code)
    {
        foreach (var child in ChildrenOf(code))
        {
            if (child.Level == AreaLevel.Village)
            {
                yield return child;
            }
            else
            {
                foreach (var village in VillagesUnder(child.Code))
                {
                    yield return village;
                }
            }
        }
    }

    private void LoadFile(string path, AreaLevel level)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16);
        var lines = new CsvLineReader(text);
        var fields = new List<string>(3);
        var expected = level == AreaLevel.Province ? 2 : 3;
        var first = true;
        while (lines.TryReadSpan(out var number, out var span, out var tooLong))
        {
            if (tooLong)
            {
                throw new InvalidDataException($"{path}:{number}: line too long");
            }

            if (span.IsEmpty)
            {
                continue;
            }

            if (first)
            {
                first = false; // header
                continue;
            }

            // Fast path for the common unquoted line: nothing allocated but the code, the name and the area.
            var comma1 = span.IndexOf(',');
            var comma2 = comma1 < 0 || expected == 2 ? -1 : span[(comma1 + 1)..].IndexOf(',') + comma1 + 1;
            var nameStart = expected == 2 ? comma1 + 1 : comma2 + 1;
            if (comma1 > 0 && (expected == 2 || comma2 > comma1) && span[nameStart..].IndexOfAny(',', '"') < 0)
            {
                var parent = expected == 2 ? default : span[(comma1 + 1)..comma2];
                Add(new string(span[..comma1]), parent, new string(span[nameStart..]), level, path, number);
                continue;
            }

            if (CsvFields.TrySplit(span, fields) is not null || fields.Count != expected)
            {
                throw new InvalidDataException($"{path}:{number}: malformed line");
            }

            Add(fields[0], expected == 2 ? default : fields[1].AsSpan(), fields[^1], level, path, number);
        }
    }

    private void Add(Area area, string source, long lineNumber) =>
        Add(area.Code, area.ParentCode.AsSpan(), area.Name, area.Level, source, lineNumber);

    private void Add(string code, ReadOnlySpan<char> parentCode, string name, AreaLevel level, string source, long lineNumber)
    {
        if (!HasShape(code, level))
        {
            throw new InvalidDataException($"{source}:{lineNumber}: bad {level} code '{code}'");
        }

        Area area;
        if (level == AreaLevel.Province)
        {
            area = new Area(code, null, name, level);
        }
        else
        {
            // The parent's own string is shared: 84k villages would otherwise hold 84k copies of it.
            var lookup = byCode.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(parentCode, out var parent) || parent.Level != level - 1
                || !code.AsSpan().StartsWith(parent.Code, StringComparison.Ordinal) || code[parent.Code.Length] != '.')
            {
                throw new InvalidDataException($"{source}:{lineNumber}: unknown parent '{parentCode}' of '{code}'");
            }

            area = new Area(code, parent.Code, name, level);
            if (!children.TryGetValue(parent.Code, out var siblings))
            {
                siblings = [];
                children.Add(parent.Code, siblings);
            }

            siblings.Add(area);
        }

        if (!byCode.TryAdd(code, area))
        {
            throw new InvalidDataException($"{source}:{lineNumber}: duplicate code '{code}'");
        }

        switch (level)
        {
            case AreaLevel.Province:
                provinces.Add(area);
                break;
            case AreaLevel.Regency:
                RegencyCount++;
                break;
            case AreaLevel.District:
                districtsByDigits.Add(
                    (int)((Digits.ToInt64(code.AsSpan(0, 2)) * 10_000) + (Digits.ToInt64(code.AsSpan(3, 2)) * 100) + Digits.ToInt64(code.AsSpan(6, 2))),
                    area);
                break;
            default:
                VillageCount++;
                break;
        }
    }

    /// <summary>2, 2.2, 2.2.2 or 2.2.2.4 digits, by level.</summary>
    internal static bool HasShape(string code, AreaLevel level)
    {
        var length = level switch
        {
            AreaLevel.Province => 2,
            AreaLevel.Regency => 5,
            AreaLevel.District => 8,
            _ => 13,
        };
        if (code.Length != length)
        {
            return false;
        }

        for (var i = 0; i < code.Length; i++)
        {
            var dot = i is 2 or 5 or 8;
            if (dot ? code[i] != '.' : !char.IsAsciiDigit(code[i]))
            {
                return false;
            }
        }

        return true;
    }
}
