using Bansos.Card.Tlv;

namespace Bansos.Card.Tests;

public sealed class FciTests
{
    [Fact]
    public void Blank_fci_bytes()
    {
        Assert.Equal("6F13" + "8408F042414E534F5301" + "A507" + "9F080101" + "C20100", Hex.Of(Fci.Blank().Encode()));
    }

    [Fact]
    public void Personalised_fci_bytes_and_round_trip()
    {
        var fci = Fci.Personalised(TestVector.CardNumber, "KPM-0001", "Siti", new DateOnly(2026, 12, 31), 7, 3);

        var bytes = fci.Encode();

        Assert.Equal(
            "6F3D" + "8408F042414E534F5301" + "A531" + "9F080101" + "C20101" + "5A089900170000000011" +
            "C1084B504D2D30303031" + "5F200453697469" + "5F2403261231" + "9F36020007" + "9F170103",
            Hex.Of(bytes));
        Assert.Equal(fci, Fci.Parse(bytes));
    }

    [Fact]
    public void Holder_name_is_utf8_up_to_45_bytes()
    {
        var name = new string('é', 22); // 44 bytes
        var fci = Fci.Personalised(TestVector.CardNumber, "K", name, new DateOnly(2030, 1, 1), 0, 3);

        Assert.Equal(name, Fci.Parse(fci.Encode()).HolderName);
        Assert.Throws<ArgumentException>(() => Fci.Personalised(TestVector.CardNumber, "K", name + "é", new DateOnly(2030, 1, 1), 0, 3));
    }

    [Fact]
    public void The_largest_fci_still_has_one_byte_lengths()
    {
        // 32-character household reference and 45-byte name: 128 bytes in all, so 6F 7E A5 72.
        var fci = Fci.Personalised(TestVector.CardNumber, new string('K', 32), new string('N', 45), new DateOnly(2030, 1, 1), 0, 3);

        var bytes = fci.Encode();

        Assert.Equal(128, bytes.Length);
        Assert.Equal("6F7E8408F042414E534F5301A572", Hex.Of(bytes.AsSpan(0, 14)));
        Assert.Equal(fci, Fci.Parse(bytes));
    }

    [Theory]
    [InlineData("6F13 8408F042414E534F5301 A507 9F080101 C20100", true)]
    [InlineData("6F13 8408F042414E534F5302 A507 9F080101 C20100", false)] // other AID
    [InlineData("6F0A 8408F042414E534F5301", false)]                      // no A5
    [InlineData("6F0F 8408F042414E534F5301 A503 C20100", false)]           // no version
    [InlineData("6F13 8408F042414E534F5301 A507 9F080101 C20107", false)]  // unknown life cycle
    [InlineData("6F13 8408F042414E534F5301 A507 9F080101 C20101", false)]  // personalised without fields
    [InlineData("7013 8408F042414E534F5301 A507 9F080101 C20100", false)]  // not 6F
    public void Parse_accepts_only_this_profile(string hex, bool valid)
    {
        if (valid) Assert.False(Fci.Parse(Hex.Bytes(hex)).IsPersonalised);
        else Assert.Throws<FciFormatException>(() => Fci.Parse(Hex.Bytes(hex)));
    }

    [Fact]
    public void Unknown_tags_inside_A5_are_ignored()
    {
        Assert.Equal(1, Fci.Parse(Hex.Bytes("6F16 8408F042414E534F5301 A50A 9F080101 C20100 DF0100")).ProfileVersion);
    }

    [Fact]
    public void Broken_tlv_is_a_TlvFormatException()
    {
        Assert.Throws<TlvFormatException>(() => Fci.Parse(Hex.Bytes("6F20 8408F042")));
    }

    [Fact]
    public void Bad_field_values_are_refused()
    {
        var good = Fci.Personalised(TestVector.CardNumber, "KPM-0001", "Siti", new DateOnly(2026, 12, 31), 7, 3).Encode();
        var hex = Hex.Of(good);

        Assert.Throws<FciFormatException>(() => Fci.Parse(Hex.Bytes(hex.Replace("5F2403261231", "5F2403261331", StringComparison.Ordinal))));   // month 13
        Assert.Throws<FciFormatException>(() => Fci.Parse(Hex.Bytes(hex.Replace("9900170000000011", "9900170000000012", StringComparison.Ordinal)))); // Luhn
        Assert.Throws<FciFormatException>(() => Fci.Parse(Hex.Bytes(hex.Replace("53697469", "53FF7469", StringComparison.Ordinal))));           // not UTF-8
    }

    [Theory]
    [InlineData("261231", 2026, 12, 31)]
    [InlineData("000101", 2000, 1, 1)]
    [InlineData("280229", 2028, 2, 29)]
    public void Bcd_dates_round_trip(string hex, int y, int m, int d)
    {
        Assert.True(BcdDate.TryDecode(Hex.Bytes(hex), out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
        Assert.Equal(hex, Hex.Of(BcdDate.Encode(date)));
    }

    [Theory]
    [InlineData("270229")] // not a leap year
    [InlineData("261300")]
    [InlineData("26123A")]
    [InlineData("2612")]
    public void Bad_bcd_dates_are_refused(string hex)
    {
        Assert.False(BcdDate.TryDecode(Hex.Bytes(hex), out _));
    }
}
