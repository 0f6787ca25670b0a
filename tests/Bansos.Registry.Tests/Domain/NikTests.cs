using Bansos.Registry.Domain;

namespace Bansos.Registry.Tests.Domain;

public sealed class NikTests
{
    private static Validated<Nik> Parse(string? text) => Nik.Parse(text, TestData.Areas, TestData.Today);

    private static string[] Codes(Validated<Nik> result) => [.. result.Errors.Select(e => e.Code)];

    [Fact]
    public void Accepts_a_valid_NIK_and_decodes_sex_and_birth_date()
    {
        var man = Parse("1703121205800001");
        Assert.True(man.IsValid);
        Assert.Equal(Sex.Male, man.Value.Sex);
        Assert.Equal(new DateOnly(1980, 5, 12), man.Value.DecodeBirthDate(TestData.Today));
        Assert.Equal("170312", man.Value.DistrictDigits);

        var woman = Parse("1703124311840002"); // day 43 = 3rd, woman
        Assert.Equal(Sex.Female, woman.Value.Sex);
        Assert.Equal(new DateOnly(1984, 11, 3), woman.Value.DecodeBirthDate(TestData.Today));
    }

    [Theory]
    [InlineData("170312120580001", "NIK_LENGTH")] // 15 digits
    [InlineData("17031212058000011", "NIK_LENGTH")] // 17 digits
    [InlineData("17031212058O0001", "NIK_DIGITS")] // letter O
    [InlineData("1703-1212058-0001", "NIK_DIGITS")]
    [InlineData("", "REQUIRED")]
    [InlineData("   ", "REQUIRED")]
    [InlineData(null, "REQUIRED")]
    public void Rejects_wrong_length_or_non_digits(string? text, string code)
    {
        var result = Parse(text);
        Assert.False(result.IsValid);
        Assert.Contains(code, Codes(result));
        Assert.All(result.Errors, e => Assert.Equal("nik", e.Field));
    }

    [Fact]
    public void Reports_both_length_and_digits_with_bilingual_messages()
    {
        var result = Parse("12AB");
        Assert.Equal(["NIK_DIGITS", "NIK_LENGTH"], Codes(result));
        Assert.Equal("NIK harus 16 digit (NIK must be 16 digits)", result.Errors[1].Message);
    }

    [Fact]
    public void Rejects_a_district_not_in_the_reference()
    {
        var result = Parse("9999991205800001");
        Assert.Equal(["DISTRICT_UNKNOWN"], Codes(result));
        Assert.Contains("999999", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1703123102850001")] // 31 February, man
    [InlineData("1703127102850001")] // 31 February, woman (71 = 31 + 40)
    [InlineData("1703123004850001")] // 30 April doesn't exist? it does — see below
    [InlineData("1703120013850001")] // month 13 and day 0
    [InlineData("1703123201850001")] // day 32
    [InlineData("1703124001850001")] // day 40: neither a man's nor a woman's day
    [InlineData("1703122902010001")] // 29 February 2001 and 1901: no leap year
    public void Rejects_an_encoded_date_that_is_not_real(string text)
    {
        if (text == "1703123004850001")
        {
            Assert.True(Parse(text).IsValid); // 30 April is real: guards the cases around it
            return;
        }

        Assert.Equal(["NIK_DATE_INVALID"], Codes(Parse(text)));
    }

    [Fact]
    public void Accepts_29_February_of_a_leap_year()
    {
        Assert.True(Parse("1703122902000001").IsValid); // 2000-02-29
        Assert.True(Parse("1703126902040001").IsValid); // woman, 2004-02-29
    }

    [Fact]
    public void Rejects_serial_0000()
    {
        Assert.Equal(["SERIAL_ZERO"], Codes(Parse("1703121205800000")));
    }

    [Fact]
    public void Collects_all_problems_of_a_16_digit_NIK()
    {
        Assert.Equal(["DISTRICT_UNKNOWN", "NIK_DATE_INVALID", "SERIAL_ZERO"], Codes(Parse("9999993102850000")));
    }

    [Fact]
    public void Resolves_the_century_to_the_latest_date_not_in_the_future()
    {
        var today = new DateOnly(2025, 6, 1);
        Assert.Equal(new DateOnly(2010, 3, 4), Nik.Parse("1703120403100001", TestData.Areas, today).Value.DecodeBirthDate(today));
        Assert.Equal(new DateOnly(1930, 3, 4), Nik.Parse("1703120403300001", TestData.Areas, today).Value.DecodeBirthDate(today));
        // 1 July 25 is still ahead in 2025: it must be 1925 (age 99), not 2025.
        Assert.Equal(new DateOnly(1925, 7, 1), Nik.Parse("1703120107250001", TestData.Areas, today).Value.DecodeBirthDate(today));
        Assert.Equal(new DateOnly(2025, 1, 1), Nik.Parse("1703120101250001", TestData.Areas, today).Value.DecodeBirthDate(today));
    }

    [Fact]
    public void Agrees_with_stated_sex_and_birth_date()
    {
        var nik = TestData.Nik("1703124311840002");
        Assert.Empty(nik.CheckAgainst(Sex.Female, new DateOnly(1984, 11, 3)));
    }

    [Fact]
    public void Rejects_a_sex_that_does_not_match()
    {
        var result = Nik.ParseFor("1703124311840002", Sex.Male, new DateOnly(1984, 11, 3), TestData.Areas, TestData.Today);
        Assert.Equal(["NIK_SEX_MISMATCH"], Codes(result));

        // a woman's date stated for a man's NIK
        result = Nik.ParseFor("1703120311840002", Sex.Female, new DateOnly(1984, 11, 3), TestData.Areas, TestData.Today);
        Assert.Equal(["NIK_SEX_MISMATCH"], Codes(result));
    }

    [Theory]
    [InlineData("1984-11-04")] // another day
    [InlineData("1984-12-03")] // another month
    [InlineData("1985-11-03")] // another year
    public void Rejects_a_birth_date_that_does_not_match(string stated)
    {
        var result = Nik.ParseFor("1703124311840002", Sex.Female, DateOnly.Parse(stated, System.Globalization.CultureInfo.InvariantCulture),
            TestData.Areas, TestData.Today);
        Assert.Equal(["NIK_DATE_MISMATCH"], Codes(result));
    }

    [Fact]
    public void A_stated_date_a_century_earlier_agrees_when_plausible()
    {
        // Born 1925-01-01, a hundred years old: the NIK says only "25", and 2025-01-01 is also possible.
        var nik = TestData.Nik("1703120101250001");
        Assert.Empty(nik.CheckAgainst(Sex.Male, new DateOnly(1925, 1, 1)));
    }

    [Fact]
    public void Masks_itself_in_ToString_and_compares_by_value()
    {
        var nik = TestData.Nik("1703121205800001");
        Assert.Equal("170312**********", nik.ToString());
        Assert.Equal("170312**********", $"{nik}");
        Assert.Equal(nik, Nik.FromStored("1703121205800001"));
        Assert.Equal(1703121205800001L, nik.ToInt64());
        Assert.Throws<ArgumentException>(() => Nik.FromStored("123"));
    }

    [Fact]
    public void Ignores_surrounding_blanks()
    {
        Assert.Equal("1703121205800001", Parse(" 1703121205800001 ").Value.Value);
    }
}
