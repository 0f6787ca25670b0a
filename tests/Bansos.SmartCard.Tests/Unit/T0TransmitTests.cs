using Bansos.PcSc;
using Bansos.SmartCard.Tests.Support;

namespace Bansos.SmartCard.Tests.Unit;

/// <summary>PcScCard.Transmit over a fake native layer that behaves like a T=0 card.</summary>
public sealed class T0TransmitTests
{
    private static readonly byte[] Select = Convert.FromHexString("00A4040008F042414E534F530100");

    private static PcScCard Connect(FakePcScApi api)
    {
        var context = PcScContext.Establish(api);
        return context.Connect("Fake Reader 00");
    }

    [Fact]
    public void Follows_61xx_with_GET_RESPONSE_and_joins_the_chunks()
    {
        var api = new FakePcScApi
        {
            Card = c => Convert.ToHexString(c) switch
            {
                "00A4040008F042414E534F530100" => [0x61, 0x04],
                "00C0000004" => [0x6F, 0x02, 0x84, 0x00, 0x61, 0x02],
                "00C0000002" => [0xA5, 0x00, 0x90, 0x00],
                var other => throw new InvalidOperationException(other),
            },
        };
        using var card = Connect(api);

        var response = card.Transmit(Select);

        Assert.Equal("6F028400A5009000", Convert.ToHexString(response));
        Assert.Equal(["00A4040008F042414E534F530100", "00C0000004", "00C0000002"], api.Sent.Select(Convert.ToHexString));
    }

    [Fact]
    public void Resends_with_the_Le_from_6Cxx()
    {
        var api = new FakePcScApi
        {
            Card = c => c[^1] == 0x05 ? [1, 2, 3, 4, 5, 0x90, 0x00] : [0x6C, 0x05],
        };
        using var card = Connect(api);

        var response = card.Transmit(Convert.FromHexString("80CA9F7F00"));

        Assert.Equal("01020304059000", Convert.ToHexString(response));
        Assert.Equal(["80CA9F7F00", "80CA9F7F05"], api.Sent.Select(Convert.ToHexString));
    }

    [Fact]
    public void Handles_6Cxx_on_GET_RESPONSE()
    {
        var api = new FakePcScApi
        {
            Card = c => Convert.ToHexString(c) switch
            {
                "80AE800000" => [0x61, 0x00],
                "00C0000000" => [0x6C, 0x03],
                "00C0000003" => [0xAA, 0xBB, 0xCC, 0x90, 0x00],
                var other => throw new InvalidOperationException(other),
            },
        };
        using var card = Connect(api);

        Assert.Equal("AABBCC9000", Convert.ToHexString(card.Transmit(Convert.FromHexString("80AE800000"))));
    }

    [Fact]
    public void Passes_other_status_words_through_untouched()
    {
        var api = new FakePcScApi { Card = _ => [0x63, 0xC2] };
        using var card = Connect(api);

        Assert.Equal("63C2", Convert.ToHexString(card.Transmit(Convert.FromHexString("0020008008261234FFFFFFFFFF"))));
        Assert.Single(api.Sent);
    }

    [Fact]
    public void Raw_transmit_does_not_follow_61xx()
    {
        var api = new FakePcScApi { Card = _ => [0x61, 0x10] };
        using var card = Connect(api);

        Assert.Equal("6110", Convert.ToHexString(card.TransmitRaw(Select)));
        Assert.Single(api.Sent);
    }

    [Fact]
    public void Gives_up_on_a_card_that_answers_61xx_forever()
    {
        var api = new FakePcScApi { Card = _ => [0x00, 0x61, 0x01] };
        using var card = Connect(api);

        Assert.Throws<PcScException>(() => card.Transmit(Select));
        Assert.InRange(api.Sent.Count, 2, 300);
    }

    [Theory]
    [InlineData("00A40400", "00A4040010")]                          // case 1: Le appended
    [InlineData("00B0000000", "00B0000010")]                        // case 2: Le replaced
    [InlineData("00A4040002AABB", "00A4040002AABB10")]              // case 3: Le appended
    [InlineData("00A4040002AABB00", "00A4040002AABB10")]            // case 4: Le replaced
    public void Sets_Le_for_each_command_case(string command, string expected) =>
        Assert.Equal(expected, Convert.ToHexString(T0ResponseHandling.WithLe(Convert.FromHexString(command), 0x10)));
}
