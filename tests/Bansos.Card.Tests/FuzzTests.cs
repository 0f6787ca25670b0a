using Bansos.Card.Apdu;
using Bansos.Card.Crypto;
using Bansos.Card.Tlv;
using Bansos.VirtualCard.Applet;

namespace Bansos.Card.Tests;

/// <summary>
/// Seeded, deterministic fuzzing: the applet must answer every byte string with a status word and
/// never throw; the agent-side parsers must fail only with their typed exceptions.
/// </summary>
public sealed class FuzzTests
{
    private const int Iterations = 12_000;

    /// <summary>Well-formed commands of every kind, the seeds that mutations start from.</summary>
    private static readonly byte[][] Seeds =
    [
        .. new[]
        {
            AidCardCommands.Select(),
            AidCardCommands.Verify(TestVector.Pin),
            AidCardCommands.Verify("000000"),
            AidCardCommands.GenerateCryptogram(TestVector.Data),
            AidCardCommands.ChangePin(TestVector.Pin, "654321"),
            AidCardCommands.Unblock(TestVector.Puk, "654321"),
            AidCardCommands.Unblock("12345678", "654321"),
            AidCardCommands.Lock(),
        }.Select(c => c.Encode()),
        .. Personalisation.BuildCommands(TestVector.Personalisation(), 40).Select(c => c.Encode()),
    ];

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void Applet_answers_every_apdu_with_a_status_word(int seed, bool personalised)
    {
        var random = new Random(seed);
        var card = personalised ? TestCard.Personalised() : TestCard.Blank();
        var applet = card.Applet;
        var statusWords = new HashSet<string>();

        for (var i = 0; i < Iterations; i++)
        {
            // Keep the card in interesting states: selected most of the time, sometimes verified.
            switch (random.Next(20))
            {
                case 0: applet.Process(Seeds[0]); break;
                case 1: applet.Process(Seeds[1]); break;
                case 2: applet.Reset(); break;
            }
            var apdu = random.Next(4) == 0 ? RandomBytes(random, random.Next(0, 300)) : Mutate(random, Seeds[random.Next(Seeds.Length)]);

            var response = applet.Process(apdu);

            Assert.True(response.Length >= 2, $"APDU {Hex.Of(apdu)} got {Hex.Of(response)}");
            var sw1 = response[^2];
            Assert.True(sw1 is 0x90 or (>= 0x61 and <= 0x6F), $"APDU {Hex.Of(apdu)} got SW {Hex.Of(response.AsSpan(response.Length - 2))}");
            Assert.NotEqual("6F00", Hex.Of(response.AsSpan(response.Length - 2))); // the last resort never fires
            statusWords.Add(Hex.Of(response.AsSpan(response.Length - 2)));
        }

        // The card is still coherent and usable afterwards.
        applet.State.Validate();
        Assert.Equal(0x9000, ResponseApdu.Parse(applet.Process(Seeds[0])).StatusWord);
        // Random input reached deep into the applet, not only the header checks.
        Assert.Superset(new HashSet<string> { "6700", "6D00", "6E00", "6A86", "6985" }, statusWords);
    }

    [Fact]
    public void Response_parser_throws_only_ApduFormatException()
    {
        var random = new Random(3);
        for (var i = 0; i < Iterations; i++)
        {
            var bytes = RandomBytes(random, random.Next(0, 8));
            try
            {
                var response = ResponseApdu.Parse(bytes);
                Assert.Equal(bytes.Length - 2, response.Data.Length);
            }
            catch (ApduFormatException)
            {
                Assert.True(bytes.Length < 2);
            }
        }
    }

    [Fact]
    public void Command_parser_throws_only_ApduFormatException()
    {
        var random = new Random(4);
        for (var i = 0; i < Iterations; i++)
        {
            var bytes = random.Next(2) == 0 ? RandomBytes(random, random.Next(0, 270)) : Mutate(random, Seeds[random.Next(Seeds.Length)]);
            try
            {
                Assert.Equal(bytes, CommandApdu.Parse(bytes).Encode());
            }
            catch (ApduFormatException)
            {
            }
        }
    }

    [Fact]
    public void Tlv_reader_throws_only_TlvFormatException()
    {
        var random = new Random(5);
        var fci = Fci.Personalised(TestVector.CardNumber, "KPM-1", "Siti", TestVector.Expiry, 9, 3).Encode();
        for (var i = 0; i < Iterations; i++)
        {
            var bytes = random.Next(2) == 0 ? RandomBytes(random, random.Next(0, 64)) : Mutate(random, fci);
            try
            {
                var objects = TlvReader.ParseAll(bytes);
                // Whatever parsed re-encodes to something that parses to the same tags.
                var writer = new TlvWriter();
                foreach (var o in objects) writer.Write(o);
                Assert.Equal(objects.Select(o => o.Tag), TlvReader.ParseAll(writer.ToArray()).Select(o => o.Tag));
            }
            catch (TlvFormatException)
            {
            }
        }
    }

    [Fact]
    public void Fci_parser_throws_only_card_data_exceptions()
    {
        var random = new Random(6);
        byte[][] fcis =
        [
            Fci.Blank().Encode(),
            Fci.Personalised(TestVector.CardNumber, "KPM-1703122003-0001", "Siti Aminah", TestVector.Expiry, 9, 3).Encode(),
        ];
        var parsed = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var bytes = random.Next(4) == 0 ? RandomBytes(random, random.Next(0, 100)) : Mutate(random, fcis[random.Next(2)]);
            try
            {
                var fci = Fci.Parse(bytes);
                Assert.Equal(fci, Fci.Parse(fci.Encode()));
                parsed++;
            }
            catch (CardDataFormatException)
            {
            }
        }
        Assert.True(parsed > 0); // mutations that keep the FCI valid (e.g. a changed digit of the name) still parse
    }

    [Fact]
    public void Client_over_a_random_card_throws_only_CardException()
    {
        var random = new Random(7);
        var channel = new RandomChannel(random);
        var client = new AidCardClient(channel);
        var data = new CryptogramData(1, 1, 1, new byte[16]);
        for (var i = 0; i < Iterations / 4; i++)
        {
            try
            {
                switch (i % 5)
                {
                    case 0: client.Select(); break;
                    case 1: client.Verify(TestVector.Pin); break;
                    case 2: client.GenerateCryptogram(data); break;
                    case 3: client.Unblock(TestVector.Puk, TestVector.Pin); break;
                    default: client.ChangePin(TestVector.Pin, TestVector.Pin); break;
                }
            }
            catch (CardException)
            {
            }
        }
    }

    [Fact]
    public void Cryptogram_data_parser_throws_only_CardDataFormatException()
    {
        var random = new Random(8);
        for (var i = 0; i < Iterations; i++)
        {
            var bytes = RandomBytes(random, random.Next(30, 40));
            try
            {
                Assert.Equal(bytes, CryptogramData.Parse(bytes).ToBytes());
            }
            catch (CardDataFormatException)
            {
            }
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>One to three of: flip a bit, set a byte, drop a tail, append bytes, insert a byte, fix CLA/INS of a seed.</summary>
    private static byte[] Mutate(Random random, byte[] seed)
    {
        var bytes = seed.ToList();
        for (var m = random.Next(1, 4); m > 0; m--)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0 when bytes.Count > 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1 when bytes.Count > 0: bytes[at] = (byte)random.Next(256); break;
                case 2: bytes.RemoveRange(at, bytes.Count - at); break;
                case 3: bytes.AddRange(RandomBytes(random, random.Next(1, 5))); break;
                case 4: bytes.Insert(at, (byte)random.Next(256)); break;
                default: if (bytes.Count > 4) bytes[4] = (byte)random.Next(256); break; // Lc or Le
            }
        }
        return [.. bytes];
    }

    /// <summary>A "card" that answers random bytes, sometimes shaped like real answers.</summary>
    private sealed class RandomChannel(Random random) : ICardChannel
    {
        public byte[] Transmit(ReadOnlySpan<byte> command) => random.Next(4) switch
        {
            0 => RandomBytes(random, random.Next(0, 4)),
            1 => [0x61, (byte)random.Next(256)],
            2 => [0x6C, (byte)random.Next(256)],
            _ => [.. RandomBytes(random, random.Next(0, 40)), 0x90, 0x00],
        };
    }
}
