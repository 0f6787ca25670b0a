using Bansos.Card.Apdu;

namespace Bansos.Card.Tests;

public sealed class ApduTests
{
    [Theory]
    [InlineData("80E80000", 1, 0, null)]
    [InlineData("80E8000000", 2, 0, 256)]
    [InlineData("00C0000010", 2, 0, 16)]
    [InlineData("0020008008 26123456FFFFFFFF", 3, 8, null)]
    [InlineData("00A4040008 F042414E534F5301 00", 4, 8, 256)]
    [InlineData("00A4040008 F042414E534F5301 20", 4, 8, 32)]
    public void Parses_all_four_cases(string hex, int expectedCase, int dataLength, int? le)
    {
        var apdu = CommandApdu.Parse(Hex.Bytes(hex));

        Assert.Equal(expectedCase, apdu.Case);
        Assert.Equal(dataLength, apdu.Data.Length);
        Assert.Equal(le, apdu.Le);
        Assert.Equal(Hex.Bytes(hex), apdu.Encode());
    }

    [Fact]
    public void Parses_header_fields()
    {
        var apdu = CommandApdu.Parse(Hex.Bytes("80AE800024" + TestVector.DataHex + "00"));

        Assert.Equal((0x80, 0xAE, 0x80, 0x00), (apdu.Cla, apdu.Ins, apdu.P1, apdu.P2));
        Assert.Equal(TestVector.DataHex, Hex.Of(apdu.Data));
    }

    [Fact]
    public void Encodes_the_design_commands()
    {
        Assert.Equal("00A4040008F042414E534F530100", AidCardCommands.Select().ToString());
        Assert.Equal("002000800826123456FFFFFFFF", AidCardCommands.Verify("123456").ToString());
        Assert.Equal("80AE800024" + TestVector.DataHex + "00", AidCardCommands.GenerateCryptogram(TestVector.Data).ToString());
        Assert.Equal("002400801026123456FFFFFFFF26654321FFFFFFFF", AidCardCommands.ChangePin("123456", "654321").ToString());
        Assert.Equal("002C0080102808637265FFFFFF26654321FFFFFFFF", AidCardCommands.Unblock(TestVector.Puk, "654321").ToString());
        Assert.Equal("80E8000000", AidCardCommands.Lock().ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("00A404")]
    [InlineData("00A4040008F042")]              // Lc 8, 2 bytes
    [InlineData("00A4040002F0420000")]          // Lc 2, then 2 extra bytes
    [InlineData("00A4040000000008")]            // extended length
    [InlineData("00A40400000000")]
    public void Malformed_commands_are_ApduFormatException(string hex)
    {
        Assert.Throws<ApduFormatException>(() => CommandApdu.Parse(Hex.Bytes(hex)));
        Assert.False(CommandApdu.TryParse(Hex.Bytes(hex), out _, out _));
    }

    [Fact]
    public void Constructor_refuses_what_short_apdus_cannot_carry()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CommandApdu(0, 0, 0, 0, new byte[256]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CommandApdu(0, 0, 0, 0, le: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CommandApdu(0, 0, 0, 0, le: 257));
    }

    [Fact]
    public void Response_splits_data_and_status_word()
    {
        var response = ResponseApdu.Parse(Hex.Bytes("77189F360200019F2610" + TestVector.CryptogramHex + "9000"));

        Assert.True(response.IsSuccess);
        Assert.Equal(0x9000, response.StatusWord);
        Assert.Equal((0x90, 0x00), (response.SW1, response.SW2));
        Assert.Equal(26, response.Data.Length);
    }

    [Theory]
    [InlineData("63C2", 2)]
    [InlineData("63C0", 0)]
    [InlineData("6983", null)]
    public void Response_reads_tries_left(string hex, int? tries)
    {
        Assert.Equal(tries, ResponseApdu.Parse(Hex.Bytes(hex)).TriesLeft);
    }

    [Theory]
    [InlineData("")]
    [InlineData("90")]
    public void Response_needs_two_status_bytes(string hex)
    {
        Assert.Throws<ApduFormatException>(() => ResponseApdu.Parse(Hex.Bytes(hex)));
    }

    [Fact]
    public void Status_words_have_operator_messages()
    {
        Assert.Equal("PIN salah, sisa 2 kali percobaan (wrong PIN, 2 tries left)", StatusWords.Describe(0x63C2));
        Assert.StartsWith("PIN terblokir", StatusWords.Describe(StatusWords.AuthenticationMethodBlocked), StringComparison.Ordinal);
        Assert.Contains("(card answered with status 6A88)", StatusWords.Describe(0x6A88), StringComparison.Ordinal);
        var e = Assert.Throws<CardException>(() => ResponseApdu.Status(0x6982).EnsureSuccess());
        Assert.Equal("6982", e.StatusWordHex);
    }
}
