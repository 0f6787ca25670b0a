using Bansos.ServiceDefaults.Codes;
using Bansos.Contracts;
using Bansos.Registry.Domain;

namespace Bansos.Registry.Tests.Domain;

public sealed class ValueTypeTests
{
    [Fact]
    public void Kk_number_is_validated_like_a_NIK_without_the_date()
    {
        Assert.True(KkNumber.Parse("1703121502150001", TestData.Areas).IsValid);
        Assert.Equal(["KK_LENGTH"], KkNumber.Parse("170312150215001", TestData.Areas).Errors.Select(e => e.Code));
        Assert.Equal(["KK_DIGITS"], KkNumber.Parse("17031215021500x1", TestData.Areas).Errors.Select(e => e.Code));
        Assert.Equal(["DISTRICT_UNKNOWN"], KkNumber.Parse("9999991502150001", TestData.Areas).Errors.Select(e => e.Code));
        Assert.Equal(["SERIAL_ZERO"], KkNumber.Parse("1703121502150000", TestData.Areas).Errors.Select(e => e.Code));
        Assert.Equal("kk", KkNumber.Parse("x", TestData.Areas).Errors[0].Field);
        Assert.Equal("170312**********", TestData.Kk(TestData.Kk1).ToString());
    }

    [Theory]
    [InlineData("17.03.12.2003", "17.03.12.2003")]
    [InlineData(" 17.03.14.2017 ", "17.03.14.2017")]
    [InlineData("1703142013", "17.03.14.2013")] // digits only, as a spreadsheet may turn it
    public void Village_code_accepts_existing_villages(string text, string expected)
    {
        var code = VillageCode.Parse(text, TestData.Areas);
        Assert.Equal(expected, code.Value.Value);
        Assert.Equal(expected[..8], code.Value.DistrictCode);
        Assert.Equal(expected[..2] + expected[3..5] + expected[6..8], code.Value.DistrictDigits);
    }

    [Theory]
    [InlineData("17.03.12.9999", "VILLAGE_UNKNOWN")]
    [InlineData("99.99.99.9999", "VILLAGE_UNKNOWN")]
    [InlineData("17.03.12", "VILLAGE_FORMAT")]
    [InlineData("17-03-12-2003", "VILLAGE_FORMAT")]
    [InlineData("Giri Kencana", "VILLAGE_FORMAT")]
    [InlineData("", "REQUIRED")]
    public void Village_code_rejects_unknown_or_malformed_codes(string text, string code)
    {
        var result = VillageCode.Parse(text, TestData.Areas);
        Assert.Equal([code], result.Errors.Select(e => e.Code));
        Assert.Equal("kode_desa", result.Errors[0].Field);
    }

    [Theory]
    [InlineData("L", Sex.Male)]
    [InlineData("P", Sex.Female)]
    [InlineData(" p ", Sex.Female)]
    public void Sex_parses_L_and_P(string text, Sex expected)
    {
        Assert.Equal(expected, SexCodes.Parse(text).Value);
        Assert.Equal(text.Trim().ToUpperInvariant(), expected.ToCode());
    }

    [Theory]
    [InlineData("M")]
    [InlineData("laki-laki")]
    [InlineData("")]
    public void Sex_rejects_anything_else(string text) => Assert.False(SexCodes.Parse(text).IsValid);

    [Theory]
    [InlineData("KEPALA", Relation.Kepala)]
    [InlineData("ISTRI", Relation.Istri)]
    [InlineData("SUAMI", Relation.Suami)]
    [InlineData("ANAK", Relation.Anak)]
    [InlineData("ORANG_TUA", Relation.OrangTua)]
    [InlineData("LAINNYA", Relation.Lainnya)]
    public void Relation_round_trips(string code, Relation relation)
    {
        Assert.Equal(relation, RelationCodes.Parse(code).Value);
        Assert.Equal(code, relation.ToCode());
    }

    [Fact]
    public void Relation_rejects_unknown_values() =>
        Assert.Equal("RELATION_INVALID", RelationCodes.Parse("CUCU").Errors.Single().Code);

    [Theory]
    [InlineData("SEMBAKO", "SEMBAKO")]
    [InlineData("PKH", "PKH")]
    [InlineData("SEMBAKO|PKH", "SEMBAKO|PKH")]
    [InlineData("PKH|SEMBAKO", "SEMBAKO|PKH")] // one normal form, so re-import compares equal
    [InlineData("SEMBAKO|SEMBAKO", "SEMBAKO")]
    public void Programmes_parse_and_normalise(string text, string expected) =>
        Assert.Equal(expected, ProgrammeCodes.ParseList(text).Value.ToListCode());

    [Theory]
    [InlineData("")]
    [InlineData("BLT")]
    [InlineData("SEMBAKO|")]
    [InlineData("SEMBAKO,PKH")]
    public void Programmes_reject_unknown_or_empty(string text) => Assert.False(ProgrammeCodes.ParseList(text).IsValid);

    [Theory]
    [InlineData("1", 1)]
    [InlineData("10", 10)]
    [InlineData(" 4 ", 4)]
    public void Desil_accepts_1_to_10(string text, int expected) => Assert.Equal(expected, Desil.Parse(text).Value.Value);

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    [InlineData("-1")]
    [InlineData("2.5")]
    [InlineData("dua")]
    public void Desil_rejects_everything_else(string text) =>
        Assert.Equal("DESIL_RANGE", Desil.Parse(text).Errors.Single().Code);

    [Fact]
    public void Statuses_and_reasons_use_the_contract_codes()
    {
        Assert.Equal("SUSPENDED", HouseholdStatus.Suspended.ToCode());
        Assert.Equal(HouseholdStatus.Removed, HouseholdStatusRules.Parse("removed").Value);
        Assert.Equal("DECEASED", RemovalReason.Deceased.ToCode());
        Assert.Equal(RemovalReason.Duplicate, RemovalReasonCodes.Parse("DUPLICATE").Value);
        Assert.False(RemovalReasonCodes.Parse("BORED").IsValid);
        Assert.Equal("REPLACED", CardStatus.Replaced.ToCode());
        Assert.False(CardStatusRules.Parse("STOLEN").IsValid);
    }

    [Theory]
    [InlineData("1980-05-12", true)]
    [InlineData("1985-02-31", false)] // 31 February
    [InlineData("12-05-1980", false)]
    [InlineData("1980/05/12", false)]
    [InlineData("2030-01-01", false)] // future
    [InlineData("1890-01-01", false)] // older than 120
    public void Birth_dates_are_ISO_real_and_plausible(string text, bool valid) =>
        Assert.Equal(valid, BirthDates.Parse(text, TestData.Today).IsValid);

    [Fact]
    public void Every_registry_enum_value_is_stored_as_its_own_code_and_read_back()
    {
        // Touching each map also makes it: a value added without a code fails here (and at start-up).
        RoundTrip(RemovalReasonCodes.Map, text => RemovalReasonCodes.Parse(text));
        RoundTrip(RelationCodes.Map, text => RelationCodes.Parse(text));
        RoundTrip(SexCodes.Map, text => SexCodes.Parse(text));
        RoundTrip(HouseholdStatusCodes.Map, text => HouseholdStatusRules.Parse(text));
        RoundTrip(CardStatusCodes.Map, text => CardStatusRules.Parse(text));
        Assert.Equal(["DECEASED", "MOVED", "INELIGIBLE", "DUPLICATE"], RemovalReasonCodes.Map.Codes);
    }

    [Fact]
    public void An_undefined_removal_reason_is_an_error_not_a_duplicate() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ((RemovalReason)9).ToCode());

    private static void RoundTrip<TEnum>(Bansos.ServiceDefaults.Codes.CodeMap<TEnum> map, Func<string, Validated<TEnum>> parse)
        where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            Assert.Equal(value, parse(map.ToCode(value)).Value);
        }
    }
}
