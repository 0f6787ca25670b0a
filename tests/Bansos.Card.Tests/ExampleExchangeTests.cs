namespace Bansos.Card.Tests;

/// <summary>
/// A whole card life in APDUs with the card profile's test vector. docs/card-profile.md quotes this
/// transcript; the test keeps the document true.
/// </summary>
public sealed class ExampleExchangeTests
{
    private const string Expected = """
        > 00A4040008F042414E534F530100
        < 6F138408F042414E534F5301A5079F080101C201009000
        > 80E200004F5A089900170000000011C1134B504D2D313730333132323030332D303030315F200B5369746920416D696E61685F2403261231C310C29AE25AD048756A4198E09E0FBD33E2C40826123456FFFFFFFF
        < 9000
        > 80E8000000
        < 9000
        > 00A4040008F042414E534F530100
        < 6F4F8408F042414E534F5301A5439F080101C201015A089900170000000011C1134B504D2D313730333132323030332D303030315F200B5369746920416D696E61685F24032612319F360200009F1701039000
        > 002000800826000000FFFFFFFF
        < 63C2
        > 002000800826123456FFFFFFFF
        < 9000
        > 80AE80002400000000000249F00003157F0000000000000101101112131415161718191A1B1C1D1E1F00
        < 77189F360200019F2610044018E18D6955C724C9A34D96658C289000
        > 80AE80002400000000000249F00003157F0000000000000101101112131415161718191A1B1C1D1E1F00
        < 6982
        > 002000800826000000FFFFFFFF
        < 63C2
        > 002000800826000000FFFFFFFF
        < 63C1
        > 002000800826000000FFFFFFFF
        < 63C0
        > 002000800826123456FFFFFFFF
        < 6983
        > 002C0080102808637265FFFFFF26654321FFFFFFFF
        < 9000
        > 002400801026654321FFFFFFFF26123456FFFFFFFF
        < 9000
        > 00A4040008F042414E534F530100
        < 6F4F8408F042414E534F5301A5439F080101C201015A089900170000000011C1134B504D2D313730333132323030332D303030315F200B5369746920416D696E61685F24032612319F360200019F1701039000
        """;

    [Fact]
    public void Transcript_matches_the_documented_exchange()
    {
        var card = TestCard.Blank();
        var client = card.Client;

        client.Select();                                  // blank FCI
        client.Personalise(TestVector.Personalisation()); // STORE DATA, LOCK
        client.Select();                                  // personalised FCI
        client.Verify("000000");                          // 63C2
        client.Verify(TestVector.Pin);                    // 9000
        client.GenerateCryptogram(TestVector.Data);       // ATC 1, the test vector's cryptogram
        Assert.Throws<CardException>(() => client.GenerateCryptogram(TestVector.Data)); // 6982
        client.Verify("000000");
        client.Verify("000000");
        client.Verify("000000");                          // 63C0
        client.Verify(TestVector.Pin);                    // 6983
        client.Unblock(TestVector.Puk, "654321");         // 9000
        client.ChangePin("654321", TestVector.Pin);       // 9000
        client.Select();                                  // ATC 1, 3 tries

        var transcript = string.Join("\n", card.Channel.Exchanges.Select(e => $"> {e.Command}\n< {e.Response}"));
        Assert.Equal(Expected, transcript);
    }
}
