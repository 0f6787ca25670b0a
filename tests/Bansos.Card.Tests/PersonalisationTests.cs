namespace Bansos.Card.Tests;

public sealed class PersonalisationTests
{
    [Fact]
    public void Tlvs_are_the_six_profile_tags_in_order()
    {
        var tlvs = Personalisation.BuildTlvs(TestVector.Personalisation()).Select(t => Hex.Of(t)).ToArray();

        Assert.Equal(
        [
            "5A089900170000000011",
            "C1134B504D2D313730333132323030332D30303031",
            "5F200B5369746920416D696E6168",
            "5F2403261231",
            "C310" + TestVector.CardKeyHex,
            "C40826123456FFFFFFFF",
        ], tlvs);
    }

    [Fact]
    public void Everything_fits_one_store_data_then_lock()
    {
        var commands = Personalisation.BuildCommands(TestVector.Personalisation());

        Assert.Equal(2, commands.Count);
        Assert.Equal("80E20000", Hex.Of(commands[0].Encode().AsSpan(0, 4)));
        Assert.Equal("80E8000000", commands[1].ToString());
    }

    [Fact]
    public void Splits_into_whole_tlvs_when_commands_are_small()
    {
        var data = TestVector.Personalisation();
        var commands = Personalisation.BuildStoreDataCommands(data, maxDataLength: 24);

        Assert.All(commands, c => Assert.InRange(c.Data.Length, 1, 24));
        // Each command parses as whole TLVs on its own, and together they are the six TLVs.
        var tags = commands.SelectMany(c => Tlv.TlvReader.ParseAll(c.Data)).Select(t => t.Tag).ToArray();
        Assert.Equal([0x5Au, 0xC1u, 0x5F20u, 0x5F24u, 0xC3u, 0xC4u], tags);
        Assert.Equal(Personalisation.BuildTlvs(data).SelectMany(t => t), commands.SelectMany(c => c.Data.ToArray()));
    }

    [Fact]
    public void Pack_fills_greedily()
    {
        var chunks = Personalisation.Pack([new byte[100], new byte[100], new byte[55], new byte[1]]);

        Assert.Equal([255, 1], chunks.Select(c => c.Length));
    }

    [Fact]
    public void Pack_refuses_a_tlv_too_big_for_one_command()
    {
        Assert.Throws<ArgumentException>(() => Personalisation.Pack([new byte[30]], 20));
    }

    [Fact]
    public void Data_is_checked_up_front()
    {
        var key = TestVector.CardKey;
        var n = TestVector.CardNumber;
        var expiry = TestVector.Expiry;
        Assert.Throws<ArgumentException>(() => new PersonalisationData(n, "", "Siti", expiry, key, "123456"));
        Assert.Throws<ArgumentException>(() => new PersonalisationData(n, new string('K', 33), "Siti", expiry, key, "123456"));
        Assert.Throws<ArgumentException>(() => new PersonalisationData(n, "KPM\n1", "Siti", expiry, key, "123456"));
        Assert.Throws<ArgumentException>(() => new PersonalisationData(n, "KPM", new string('N', 46), expiry, key, "123456"));
        Assert.Throws<ArgumentException>(() => new PersonalisationData(n, "KPM", "Siti", expiry, new byte[15], "123456"));
        Assert.Throws<ArgumentException>(() => new PersonalisationData(n, "KPM", "Siti", expiry, key, "12345"));
        Assert.Throws<ArgumentException>(() => new PersonalisationData(default, "KPM", "Siti", expiry, key, "123456"));
        Assert.DoesNotContain("C29AE2", TestVector.Personalisation().ToString(), StringComparison.Ordinal);
    }
}
