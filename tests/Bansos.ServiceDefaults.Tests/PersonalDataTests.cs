using Bansos.ServiceDefaults.Logging;

namespace Bansos.ServiceDefaults.Tests;

public sealed class PersonalDataTests
{
    [Theory]
    [InlineData("1703120101900001", "170312**********")]
    [InlineData("NIK 1703124101900002 ditolak", "NIK 170312********** ditolak")]
    [InlineData("kk=1703120101900001,nik=1703120101900002", "kk=170312**********,nik=170312**********")]
    [InlineData("kartu 9900 1700 0000 0011", "kartu 990017**********")]
    [InlineData("kartu 9900-1700-0000-0011", "kartu 990017**********")]
    public void Sixteen_digit_runs_keep_their_first_six_digits(string text, string expected) =>
        Assert.Equal(expected, PersonalData.MaskNik(text));

    [Theory]
    [InlineData("170312010190000")]      // 15 digits
    [InlineData("17031201019000012")]    // 17 digits
    [InlineData("payout 202111 amount 150000")]
    [InlineData("")]
    public void Other_numbers_are_left_alone(string text) => Assert.Equal(text, PersonalData.MaskNik(text));

    [Theory]
    [InlineData("hubungi 081234567890", "hubungi *********890")]
    [InlineData("hp +6281234567890.", "hp **********890.")]
    [InlineData("hp 6281234567890", "hp **********890")]
    [InlineData("0812-3456-7890", "*********890")]
    public void Phone_numbers_keep_their_last_three_digits(string text, string expected) =>
        Assert.Equal(expected, PersonalData.MaskPhone(text));

    [Fact]
    public void Mask_applies_every_rule()
    {
        var masked = PersonalData.Mask("NIK 1703120101900001 hp 081234567890 periode 202111");
        Assert.Equal("NIK 170312********** hp *********890 periode 202111", masked);
    }
}
