using Bansos.Card.Apdu;
using Bansos.VirtualCard.Applet;

namespace Bansos.Card.Tests;

/// <summary>The client copes with T=0 style answers (61xx, 6Cxx) and with a card that talks nonsense.</summary>
public sealed class ClientTransportTests
{
    [Fact]
    public void Follows_61xx_with_get_response()
    {
        var card = TestCard.Personalised();
        var t0 = new T0Channel(new InMemoryCardChannel(card.Applet), chunk: 32);
        var client = new AidCardClient(t0);

        var fci = client.Select();
        Assert.Equal(TestVector.HolderName, fci.HolderName);
        Assert.True(client.Verify(TestVector.Pin).IsSuccess);
        Assert.Equal(TestVector.CryptogramHex, client.GenerateCryptogram(TestVector.Data).CryptogramHex);
        Assert.Contains(t0.Sent, c => c.StartsWith("00C00000", StringComparison.Ordinal));
    }

    [Fact]
    public void Resends_with_the_le_the_card_asks_for()
    {
        var card = TestCard.Personalised();
        var recording = new RecordingChannel(new InMemoryCardChannel(card.Applet));
        var client = new AidCardClient(recording);

        var response = client.Send(new CommandApdu(0x00, 0xA4, 0x04, 0x00, AidCardProfile.Aid, le: 16));

        Assert.True(response.IsSuccess);
        Assert.Equal(0x51, response.Data.Length);
        Assert.Equal(("00A4040008F042414E534F530110", "6C51"), recording.Exchanges[0]);
        Assert.Equal("00A4040008F042414E534F530151", recording.Exchanges[1].Command);
    }

    [Theory]
    [InlineData("")]
    [InlineData("90")]
    [InlineData("6F029000")]
    [InlineData("6F138408F042414E534F5302A5079F080101C201009000")]
    public void A_garbled_answer_is_a_CardException(string answer)
    {
        var client = new AidCardClient(new FixedChannel(Hex.Bytes(answer)));

        var e = Assert.Throws<CardException>(() => client.Select());

        Assert.Contains("(", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9000")]
    [InlineData("77039F36019000")]
    [InlineData("70189F360200019F2610" + TestVector.CryptogramHex + "9000")]
    [InlineData("77139F360200019F260F" + "00112233445566778899AABBCCDDEE" + "9000")]
    public void A_garbled_cryptogram_answer_is_a_CardException(string answer)
    {
        var client = new AidCardClient(new FixedChannel(Hex.Bytes(answer)));

        Assert.Throws<CardException>(() => client.GenerateCryptogram(TestVector.Data));
    }

    [Fact]
    public void Not_an_aid_card_is_said_plainly()
    {
        var client = new AidCardClient(new FixedChannel(Hex.Bytes("6A82")));

        var e = Assert.Throws<CardException>(() => client.Select());

        Assert.Equal("Kartu ini bukan kartu bansos (this is not a Bansos aid card)", e.Message);
        Assert.Equal(0x6A82, e.StatusWord);
    }

    [Fact]
    public void An_endless_61xx_card_does_not_hang_the_client()
    {
        var client = new AidCardClient(new FixedChannel(Hex.Bytes("6110")));

        Assert.Throws<CardException>(() => client.Select());
    }

    /// <summary>Answers every command with the same bytes.</summary>
    private sealed class FixedChannel(byte[] answer) : ICardChannel
    {
        public byte[] Transmit(ReadOnlySpan<byte> command) => answer;
    }

    /// <summary>Imitates a T=0 reader that passes 61xx through: data comes back in chunks via GET RESPONSE.</summary>
    private sealed class T0Channel(ICardChannel inner, int chunk) : ICardChannel
    {
        private byte[] pending = [];

        public List<string> Sent { get; } = [];

        public byte[] Transmit(ReadOnlySpan<byte> command)
        {
            Sent.Add(Hex.Of(command));
            if (command.Length == 5 && command[1] == 0xC0)
                return Next(command[4] == 0 ? 256 : command[4]);
            var response = inner.Transmit(command);
            if (response.Length == 2) return response;
            if (response[^2] != 0x90) return response;
            pending = response[..^2];
            return [0x61, (byte)pending.Length];
        }

        private byte[] Next(int max)
        {
            var n = Math.Min(Math.Min(max, chunk), pending.Length);
            var part = pending[..n];
            pending = pending[n..];
            return [.. part, .. (pending.Length == 0 ? new byte[] { 0x90, 0x00 } : [0x61, (byte)pending.Length])];
        }
    }
}
