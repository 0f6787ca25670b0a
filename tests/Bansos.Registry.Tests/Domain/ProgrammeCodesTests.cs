using Bansos.Registry.Domain;

namespace Bansos.Registry.Tests.Domain;

/// <summary>Enrolment lists: every spelling of one enrolment reads the same, and bad codes are refused.</summary>
public sealed class ProgrammeCodesTests
{
    [Theory]
    [InlineData("SEMBAKO", "SEMBAKO")]
    [InlineData("PKH", "PKH")]
    [InlineData("SEMBAKO|PKH", "SEMBAKO|PKH")]
    [InlineData("PKH|SEMBAKO", "SEMBAKO|PKH")]
    [InlineData(" pkh | Sembako ", "SEMBAKO|PKH")]
    [InlineData("SEMBAKO|SEMBAKO", "SEMBAKO")]
    public void Every_spelling_of_an_enrolment_reads_as_one_sorted_list(string text, string expected)
    {
        var parsed = ProgrammeCodes.ParseList(text);

        Assert.True(parsed.IsValid);
        Assert.Equal(expected, parsed.Value.ToListCode());
        Assert.Equal(expected.Split('|'), parsed.Value.ToCodes());
        Assert.Equal(parsed.Value, ProgrammeCodes.Normalize(parsed.Value.Reverse()));
    }

    [Theory]
    [InlineData("", "REQUIRED")]
    [InlineData("   ", "REQUIRED")]
    [InlineData("BLT", "PROGRAMME_INVALID")]
    [InlineData("SEMBAKO|", "PROGRAMME_INVALID")]
    [InlineData("SEMBAKO,PKH", "PROGRAMME_INVALID")]
    public void Unknown_or_missing_codes_are_refused(string text, string code)
    {
        var parsed = ProgrammeCodes.ParseList(text);

        Assert.False(parsed.IsValid);
        Assert.Equal(code, Assert.Single(parsed.Errors).Code);
    }

    [Fact]
    public void The_shared_lists_cannot_be_changed_through_a_cast()
    {
        var list = ProgrammeCodes.ParseList("SEMBAKO").Value;

        Assert.Throws<NotSupportedException>(() => ((IList<Programme>)list)[0] = Programme.Pkh);
        Assert.Equal([Programme.Sembako], ProgrammeCodes.ParseList("SEMBAKO").Value);
    }
}
