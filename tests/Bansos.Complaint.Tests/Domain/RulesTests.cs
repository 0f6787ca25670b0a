using Bansos.Complaint.Domain;
using Bansos.Registry.Domain.Areas;

namespace Bansos.Complaint.Tests.Domain;

public sealed class RulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly ComplaintRules Rules = new(AreaReference.LoadDefault(), new ComplaintOptions());

    private static ComplaintDraft Valid() => new("17.03.12.2001", ComplaintCategory.WrongAmount, "Bantuan kurang.", ComplaintChannel.Posko,
        null, null, "1703120101900001", "Siti Aminah", "0812-3456-7890");

    [Fact]
    public void A_valid_complaint_passes_with_its_fields_normalised()
    {
        var (filing, violations) = Rules.Validate(Valid() with { VillageCode = "1703122001", Description = "  Bantuan kurang.  " }, Today);
        Assert.Empty(violations);
        Assert.Equal(("17.03.12.2001", "Bantuan kurang.", "081234567890"), (filing!.VillageCode, filing.Description, filing.ReporterPhone));
    }

    [Fact]
    public void People_without_a_NIK_a_phone_or_a_household_may_complain()
    {
        var (filing, violations) = Rules.Validate(Valid() with { Nik = "", ReporterPhone = "" }, Today);
        Assert.Empty(violations);
        Assert.Null(filing!.Nik);
    }

    public static TheoryData<string, ComplaintDraft> Bad => new()
    {
        { "description", Valid() with { Description = "   " } },
        { "description", Valid() with { Description = new string('x', 1024 * 1024) } },
        { "village_code", Valid() with { VillageCode = "17.03.12.9999" } },
        { "village_code", Valid() with { VillageCode = "Urai" } },
        { "category", Valid() with { Category = null } },
        { "category", Valid() with { Category = (ComplaintCategory)42 } },
        { "channel", Valid() with { Channel = ComplaintChannel.Automatic } },
        { "nik", Valid() with { Nik = "1703120101900000" } },
        { "nik", Valid() with { Nik = "9999990101900001" } },
        { "nik", Valid() with { Nik = "170312013290001" } },
        { "household_id", Valid() with { HouseholdId = "not-a-uuid" } },
        { "reporter_name", Valid() with { ReporterName = "" } },
        { "reporter_phone", Valid() with { ReporterPhone = "12" } },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Bad_input_is_named_by_its_field(string field, ComplaintDraft draft)
    {
        var (filing, violations) = Rules.Validate(draft, Today);
        Assert.Null(filing);
        Assert.Contains(violations, v => v.Field == field);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var (_, violations) = Rules.Validate(new ComplaintDraft(null, null, null, null, null, null, null, null, null), Today);
        Assert.Equal(["village_code", "category", "channel", "description", "reporter_name"], violations.Select(v => v.Field));
    }
}
