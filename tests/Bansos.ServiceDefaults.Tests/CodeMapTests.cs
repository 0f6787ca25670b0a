using Bansos.ServiceDefaults.Codes;

namespace Bansos.ServiceDefaults.Tests;

public sealed class CodeMapTests
{
    private enum Colour
    {
        Red,
        Green,
        Blue,
    }

    private static readonly CodeMap<Colour> Colours = new((Colour.Red, "RED"), (Colour.Green, "GREEN"), (Colour.Blue, "BLUE"));

    [Fact]
    public void Every_value_has_its_code_and_back()
    {
        foreach (var colour in Enum.GetValues<Colour>())
        {
            Assert.True(Colours.TryParse(Colours.ToCode(colour), out var back));
            Assert.Equal(colour, back);
        }

        Assert.Equal(["RED", "GREEN", "BLUE"], Colours.Codes);
    }

    [Theory]
    [InlineData(" green ")]
    [InlineData("Green")]
    [InlineData("GREEN\t")]
    public void Parsing_trims_and_ignores_case(string text)
    {
        Assert.True(Colours.TryParse(text, out var colour));
        Assert.Equal(Colour.Green, colour);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("PURPLE")]
    [InlineData("RE D")]
    public void Blank_or_unknown_text_is_no_value(string text) => Assert.False(Colours.TryParse(text, out _));

    [Fact]
    public void An_undefined_value_throws_instead_of_becoming_some_code()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Colours.ToCode((Colour)42));

        Assert.Contains("Colour has no value 42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_without_a_code_stops_the_map_being_made()
    {
        var error = Assert.Throws<ArgumentException>(() => new CodeMap<Colour>((Colour.Red, "RED"), (Colour.Green, "GREEN")));

        Assert.Contains("no code for Blue", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_codes_for_one_value_or_one_code_for_two_values_stop_the_map_being_made()
    {
        Assert.Throws<ArgumentException>(() => new CodeMap<Colour>((Colour.Red, "RED"), (Colour.Red, "ROT"), (Colour.Green, "GREEN"), (Colour.Blue, "BLUE")));
        Assert.Throws<ArgumentException>(() => new CodeMap<Colour>((Colour.Red, "RED"), (Colour.Green, "red"), (Colour.Blue, "BLUE")));
        Assert.Throws<ArgumentException>(() => new CodeMap<Colour>((Colour.Red, "RED "), (Colour.Green, "GREEN"), (Colour.Blue, "BLUE")));
    }

    [Fact]
    public void A_stored_code_this_version_cannot_read_is_a_format_error()
    {
        Assert.Equal(Colour.Green, Colours.Parse("GREEN"));

        var error = Assert.Throws<FormatException>(() => Colours.Parse("PURPLE"));
        Assert.Contains("Unknown Colour code 'PURPLE'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_values_come_in_the_order_given() =>
        Assert.Equal(Colours.Codes.Select(code => Colours.Parse(code)), Colours.Values);
}
