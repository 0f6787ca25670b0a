namespace Bansos.Card.Tests;

/// <summary>Raw APDUs against the applet: every status word of the docs/card-profile.md table, byte for byte.</summary>
public sealed class AppletStatusWordTests
{
    private const string Select = "00A4040008F042414E534F530100";
    private const string VerifyRight = "002000800826123456FFFFFFFF";
    private const string VerifyWrong = "002000800826000000FFFFFFFF";
    private static readonly string Generate = "80AE800024" + TestVector.DataHex + "00";

    [Theory]
    [InlineData("002000800826123456FFFFFFFF")]                       // VERIFY
    [InlineData("002400801026123456FFFFFFFF26654321FFFFFFFF")]       // CHANGE PIN
    [InlineData("002C0080102808637265FFFFFF26654321FFFFFFFF")]       // UNBLOCK
    [InlineData("80E20000035F2400")]                                 // STORE DATA
    [InlineData("80E8000000")]                                       // LOCK
    [InlineData("002000800826123456FFFF")]                           // even malformed ones
    [InlineData("0020008000")]
    public void Before_select_profile_commands_answer_6985(string apdu)
    {
        var card = TestCard.Personalised();
        card.Applet.Reset();

        Assert.Equal("6985", card.Status(apdu));
        Assert.Equal("6985", card.Status(Generate));
    }

    [Theory]
    [InlineData("00B0000000")]   // READ BINARY
    [InlineData("00C0000010")]   // GET RESPONSE: this card never answers 61xx
    [InlineData("80CA9F3600")]   // GET DATA
    [InlineData("0084000008")]   // GET CHALLENGE
    public void Unknown_instructions_answer_6D00_selected_or_not(string apdu)
    {
        var card = TestCard.Personalised();

        Assert.Equal("6D00", card.Status(apdu));
        card.Applet.Reset();
        Assert.Equal("6D00", card.Status(apdu));
    }

    [Theory]
    [InlineData("FFCA000000")]                     // PC/SC pseudo-APDU
    [InlineData("84A4040008F042414E534F530100")]   // secure messaging
    [InlineData("01A4040008F042414E534F530100")]   // logical channel 1
    [InlineData("80A4040008F042414E534F530100")]   // SELECT in the proprietary class
    [InlineData("00AE800024" + TestVector.DataHex + "00")] // GENERATE in the ISO class
    public void Unsupported_classes_answer_6E00(string apdu)
    {
        Assert.Equal("6E00", TestCard.Personalised().Status(apdu));
    }

    [Theory]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("FF")]                                // shorter than a header: not even the class is judged
    [InlineData("00A404")]
    [InlineData("00A4040008F042414E534F53")]          // Lc 8, 4 data bytes
    [InlineData("00A40400000008F042414E534F5301")]    // extended length
    public void Unparseable_commands_answer_6700(string apdu)
    {
        Assert.Equal("6700", TestCard.Personalised().Status(apdu));
    }

    [Fact]
    public void Select_status_words()
    {
        var card = TestCard.Personalised();

        Assert.Equal("6A86", card.Status("00A4000008F042414E534F530100"));   // P1 not by name
        Assert.Equal("6A86", card.Status("00A4040C08F042414E534F5301"));     // P2 other than 00
        Assert.Equal("6700", card.Status("00A4040000"));                     // no AID
        Assert.Equal("6A82", card.Status("00A4040007F042414E534F5300"));     // AID prefix only
        Assert.Equal("6A82", card.Status("00A4040009F042414E534F53010000")); // longer AID
        Assert.Equal("9000", card.Status("00A4040008F042414E534F5301"));     // case 3 is fine too
        Assert.Equal("6C51", card.Status("00A4040008F042414E534F530110"));   // Le 16 for the 0x51-byte FCI
        Assert.Equal("9000", card.Status(Select));
    }

    [Fact]
    public void Verify_status_words()
    {
        var card = TestCard.Personalised();

        Assert.Equal("6A86", card.Status("002001800826123456FFFFFFFF"));
        Assert.Equal("6A86", card.Status("002000000826123456FFFFFFFF"));
        Assert.Equal("6700", card.Status("002000800726123456FFFFFF"));
        Assert.Equal("6700", card.Status("00200080"));
        Assert.Equal("63C2", card.Status(VerifyWrong));
        Assert.Equal("63C1", card.Status("002000800826123456FFFFFFF0")); // not even a valid block: still a wrong PIN
        Assert.Equal("63C0", card.Status(VerifyWrong));
        Assert.Equal("6983", card.Status(VerifyRight));
        Assert.Equal("6983", card.Status(VerifyWrong));
    }

    [Fact]
    public void Verify_on_a_blank_card_answers_6985()
    {
        var card = TestCard.Blank();
        card.Send(Select);

        Assert.Equal("6985", card.Status(VerifyRight));
        Assert.Equal("6985", card.Status(Generate));
        Assert.Equal("6985", card.Status("002C0080102808637265FFFFFF26654321FFFFFFFF"));
    }

    [Fact]
    public void Generate_status_words()
    {
        var card = TestCard.Personalised();

        Assert.Equal("6982", card.Status(Generate));
        card.Send(VerifyRight);
        Assert.Equal("6A86", card.Status("80AE000024" + TestVector.DataHex + "00"));
        Assert.Equal("6700", card.Status("80AE800023" + TestVector.DataHex[2..] + "00"));
        Assert.Equal("6C1A", card.Status("80AE800024" + TestVector.DataHex + "10"));  // the response is 26 bytes
        // None of those spent the verification: format errors are the terminal's, not a payment attempt.
        Assert.Equal("77189F360200019F2610" + TestVector.CryptogramHex + "9000", card.Send(Generate));
        Assert.Equal("6982", card.Status(Generate));
        card.Send(VerifyRight);
        Assert.StartsWith("77189F36020002", card.Send("80AE800024" + TestVector.DataHex), StringComparison.Ordinal); // no Le: T=1 style
    }

    [Fact]
    public void Change_pin_status_words()
    {
        var card = TestCard.Personalised();

        Assert.Equal("6700", card.Status("002400800826123456FFFFFFFF"));
        Assert.Equal("6A86", card.Status("002400001026123456FFFFFFFF26654321FFFFFFFF"));
        Assert.Equal("6A80", card.Status("002400801026123456FFFFFFFF2665432AFFFFFFFF")); // new PIN block malformed
        Assert.Equal(3, card.Applet.State.PinTriesLeft);                                      // and no try spent
        Assert.Equal("63C2", card.Status("002400801026000000FFFFFFFF26654321FFFFFFFF"));
        Assert.Equal("9000", card.Status("002400801026123456FFFFFFFF26654321FFFFFFFF"));
        Assert.Equal("9000", card.Status("002000800826654321FFFFFFFF"));
    }

    [Fact]
    public void Unblock_status_words()
    {
        var card = TestCard.Personalised();

        Assert.Equal("6700", card.Status("002C00800826123456FFFFFFFF"));
        Assert.Equal("6A86", card.Status("002C0180102808637265FFFFFF26654321FFFFFFFF"));
        Assert.Equal("6A80", card.Status("002C0080102808637265FFFFFF2865432100FFFFFF"));
        Assert.Equal(10, card.Applet.State.PukTriesLeft);
        Assert.Equal("6982", card.Status("002C0080102812345678FFFFFF26654321FFFFFFFF"));
        Assert.Equal(9, card.Applet.State.PukTriesLeft);
        Assert.Equal("9000", card.Status("002C0080102808637265FFFFFF26654321FFFFFFFF"));
        Assert.Equal(10, card.Applet.State.PukTriesLeft);
    }

    [Fact]
    public void Store_data_status_words()
    {
        var card = TestCard.Blank();
        card.Send(Select);

        Assert.Equal("6A86", card.Status("80E20100035F2400"));
        Assert.Equal("6700", card.Status("80E2000000"));
        Assert.Equal("6A80", card.Status("80E20000035F2403"));                     // value cut short
        Assert.Equal("6A80", card.Status("80E2000003DF0100"));                     // unknown tag
        Assert.Equal("6A80", card.Status("80E200000A5A089900170000000012"));       // Luhn
        Assert.Equal("6A80", card.Status("80E20000055F2403261331"));               // month 13
        Assert.Equal("6A80", card.Status("80E2000011C30F000102030405060708090A0B0C0D0E")); // 15-byte key
        Assert.Equal("6A80", card.Status("80E200000AC40826123456FFFFFFF0"));       // bad PIN block
        Assert.Equal("6A80", card.Status("80E2000004C102FF41"));                   // non-ASCII household ref
        Assert.Equal("6A80", card.Status("80E20000075F200453FF7469"));             // invalid UTF-8 name
        Assert.Equal("6A80", card.Status("80E2000004E102C100"));                   // constructed template, not a profile tag
        // A command is taken whole or not at all: the good 5A before the bad tag is not kept.
        Assert.Equal("6A80", card.Status("80E200000D5A089900170000000011DF0100"));
        Assert.Null(card.Applet.State.CardNumber);
        Assert.Equal("9000", card.Status("80E200000A5A089900170000000011"));
        Assert.Equal(TestVector.CardNumber, card.Applet.State.CardNumber);
    }

    [Fact]
    public void Lock_status_words()
    {
        var card = TestCard.Blank();
        card.Send(Select);

        Assert.Equal("6A86", card.Status("80E8000100"));
        Assert.Equal("6700", card.Status("80E8000001AA"));
        Assert.Equal("6985", card.Status("80E8000000"));
        Assert.Equal("6985", card.Status("80E80000"));
    }
}
