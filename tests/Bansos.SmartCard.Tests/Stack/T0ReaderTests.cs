using Bansos.Card;
using Bansos.Card.Crypto;
using Bansos.PcSc;
using Bansos.SmartCard.Tests.Support;
using Bansos.VirtualCard.Vpcd;

namespace Bansos.SmartCard.Tests.Stack;

/// <summary>
/// A card that announces only T=0 in its ATR and answers the way T=0 cards do (61xx, then the
/// data through GET RESPONSE): pcscd negotiates T=0 and PcScCard must hide the difference.
/// </summary>
public sealed class T0ReaderTests
{
    [Fact(Timeout = 60_000)]
    public async Task The_profile_works_over_T0_with_GET_RESPONSE_and_Le_correction()
    {
        using var folder = TestCards.NewFolder();
        T0Card? t0 = null;
        await using var inserted = await InsertedCard.InsertAsync(1, folder.File("card.json"), TestContext.Current.CancellationToken, (card, _) => t0 = new T0Card(card));
        using var context = PcScContext.Establish();
        using var card = context.Connect(inserted.Reader);
        Assert.Equal(PcScProtocols.T0, card.Protocol);

        var client = new AidCardClient(card);
        client.Select();
        client.Personalise(TestCards.Data());
        var fci = client.Select();
        Assert.True(client.Verify(TestCards.Pin).IsSuccess);
        var cryptogram = client.GenerateCryptogram(TestCards.ExampleData());

        Assert.Equal(TestCards.Number, fci.CardNumber);
        Assert.Equal("044018E18D6955C724C9A34D96658C28", cryptogram.CryptogramHex);
        Assert.True(t0!.GetResponses >= 3, $"expected GET RESPONSE to be used, saw {t0.GetResponses}");

        // A SELECT asking for too few bytes gets 6Cxx from the applet; the wrapper resends with the right Le.
        var shortLe = card.Transmit(Convert.FromHexString("00A4040008F042414E534F530101"));
        Assert.Equal("9000", Convert.ToHexString(shortLe[^2..]));
        Assert.Equal(Fci.Parse(shortLe.AsSpan(0, shortLe.Length - 2)).CardNumber, TestCards.Number);
        var raw = card.TransmitRaw(Convert.FromHexString("00A4040008F042414E534F530101"));
        Assert.Equal(0x6C, raw[0]);
    }

    /// <summary>T=0 behaviour in front of the applet: data never comes with the command's answer.</summary>
    private sealed class T0Card(IVpcdCard inner) : IVpcdCard
    {
        // 3B: direct convention; 08: no interface bytes (so T=0 only), 8 historical bytes "80 56 BANSOS".
        private static readonly byte[] T0Atr = Convert.FromHexString("3B088056" + "42414E534F53");
        private byte[] pending = [];
        private ushort pendingStatus;

        public int GetResponses { get; private set; }
        public byte[] Atr => T0Atr;
        public void PowerOn() { pending = []; inner.PowerOn(); }
        public void PowerOff() { pending = []; inner.PowerOff(); }
        public void Reset() { pending = []; inner.Reset(); }

        public byte[] Process(ReadOnlySpan<byte> command)
        {
            if (command.Length >= 4 && command[1] == 0xC0)
            {
                GetResponses++;
                var le = command.Length >= 5 ? (command[4] == 0 ? 256 : command[4]) : 256;
                var chunk = pending.AsSpan(0, Math.Min(le, pending.Length)).ToArray();
                pending = pending[chunk.Length..];
                return pending.Length > 0
                    ? [.. chunk, 0x61, (byte)Math.Min(pending.Length, 255)]
                    : [.. chunk, (byte)(pendingStatus >> 8), (byte)pendingStatus];
            }
            var response = inner.Process(command);
            if (response.Length <= 2) return response;
            pending = response[..^2];
            pendingStatus = (ushort)((response[^2] << 8) | response[^1]);
            // Hand the data out in two pieces, to exercise the GET RESPONSE loop.
            return [0x61, (byte)Math.Min(pending.Length / 2 + 1, 255)];
        }
    }
}
