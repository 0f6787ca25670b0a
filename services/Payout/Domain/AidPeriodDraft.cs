using System.Globalization;
using System.Text.RegularExpressions;
using Bansos.ServiceDefaults.Hosting;

namespace Bansos.Payout.Domain;

/// <summary>A period as an admin asks for it, checked: every bad field is reported at once.</summary>
public sealed partial record AidPeriodDraft(
    string Code,
    string Programme,
    long AmountPerHousehold,
    DateOnly StartDate,
    DateOnly EndDate,
    IReadOnlyList<string> VillageCodes)
{
    /// <summary>Rp 100 million: far above any tranche, low enough to catch a slipped zero.</summary>
    public const long MaxAmount = 100_000_000;

    public const int MaxVillages = 10_000;

    /// <summary>A training period (set at creation only): see <see cref="AidPeriod.Training"/>.</summary>
    public bool Training { get; init; }

    /// <summary>Validates raw input; throws <see cref="ValidationException"/> listing every bad field (proto field names).</summary>
    public static AidPeriodDraft Create(
        string? code, string? programme, long amount, string? startDate, string? endDate, IReadOnlyList<string>? villageCodes)
    {
        var violations = new List<FieldViolation>();
        code = code?.Trim() ?? "";
        if (code.Length is 0 or > 40 || !CodePattern().IsMatch(code))
        {
            violations.Add(new("code", "Kode periode: huruf besar, angka dan tanda hubung, maksimal 40, mis. SEMBAKO-2021-11 (period code: A-Z, 0-9 and dashes, at most 40)."));
        }

        programme = programme?.Trim() ?? "";
        if (!Programmes.Known.Contains(programme))
        {
            violations.Add(new("programme", $"Program harus salah satu dari {string.Join(", ", Programmes.Known.Order(StringComparer.Ordinal))} (unknown programme)."));
        }

        if (amount is <= 0 or > MaxAmount)
        {
            violations.Add(new("amount_per_household", string.Create(CultureInfo.InvariantCulture,
                $"Jumlah per keluarga harus 1 sampai {MaxAmount} rupiah (amount must be 1 to {MaxAmount} rupiah).")));
        }

        var startOk = BusinessCalendar.TryParse(startDate, out var start);
        if (!startOk)
        {
            violations.Add(new("start_date", "Tanggal mulai harus YYYY-MM-DD (start date must be YYYY-MM-DD)."));
        }

        var endOk = BusinessCalendar.TryParse(endDate, out var end);
        if (!endOk)
        {
            violations.Add(new("end_date", "Tanggal akhir harus YYYY-MM-DD (end date must be YYYY-MM-DD)."));
        }
        else if (startOk && end < start)
        {
            violations.Add(new("end_date", "Tanggal akhir sebelum tanggal mulai (end date is before the start date)."));
        }

        var villages = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = villageCodes ?? [];
        if (list.Count is 0 or > MaxVillages)
        {
            violations.Add(new("village_codes", $"Sebutkan 1 sampai {MaxVillages} desa (name 1 to {MaxVillages} villages)."));
        }

        for (var i = 0; i < list.Count; i++)
        {
            var village = list[i]?.Trim() ?? "";
            if (!Domain.VillageCodes.IsValid(village))
            {
                violations.Add(new($"village_codes[{i}]", "Kode desa harus seperti 17.03.12.2003 (village code must look like 17.03.12.2003)."));
            }
            else if (!seen.Add(village))
            {
                violations.Add(new($"village_codes[{i}]", "Desa disebut dua kali (village listed twice)."));
            }
            else
            {
                villages.Add(village);
            }
        }

        if (violations.Count > 0)
        {
            throw new ValidationException(violations);
        }

        return new AidPeriodDraft(code, programme, amount, start, end, villages);
    }

    [GeneratedRegex(@"^[A-Z0-9]+(-[A-Z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
