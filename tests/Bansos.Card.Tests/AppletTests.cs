using Bansos.Card.Crypto;
using Bansos.VirtualCard.Applet;

namespace Bansos.Card.Tests;

/// <summary>The virtual card's behaviour, seen through <see cref="AidCardClient"/> as the agent sees it.</summary>
public sealed class AppletTests
{
    [Fact]
    public void Blank_card_answers_a_blank_fci()
    {
        var card = TestCard.Blank();

        var fci = card.Client.Select();

        Assert.False(fci.IsPersonalised);
        Assert.Equal(1, fci.ProfileVersion);
        Assert.Null(fci.CardNumber);
        Assert.Equal(PinOutcome.NotPersonalised, card.Client.Verify("123456").Outcome);
        Assert.Equal(0x6985, Assert.Throws<CardException>(() => card.Client.GenerateCryptogram(TestVector.Data)).StatusWord);
    }

    [Fact]
    public void Personalised_card_shows_its_fields()
    {
        var card = TestCard.Personalised();

        var fci = card.Client.Select();

        Assert.True(fci.IsPersonalised);
        Assert.Equal(TestVector.CardNumber, fci.CardNumber);
        Assert.Equal(TestVector.HouseholdReference, fci.HouseholdReference);
        Assert.Equal(TestVector.HolderName, fci.HolderName);
        Assert.Equal(TestVector.Expiry, fci.Expiry);
        Assert.Equal((ushort)0, fci.Atc);
        Assert.Equal(3, fci.PinTriesLeft);
    }

    [Fact]
    public void A_personalised_card_cannot_be_personalised_again()
    {
        var card = TestCard.Personalised();

        var e = Assert.Throws<CardException>(() => card.Client.Personalise(TestVector.Personalisation("654321")));

        Assert.Equal(0x6985, e.StatusWord);
        Assert.Equal(PinOutcome.Success, card.Client.Verify("123456").Outcome);
    }

    [Fact]
    public void Cryptogram_equals_the_one_computed_from_the_imk()
    {
        var card = TestCard.Personalised();

        Assert.True(card.Client.Verify(TestVector.Pin).IsSuccess);
        var result = card.Client.GenerateCryptogram(TestVector.Data);

        Assert.Equal(1, result.Atc);
        Assert.Equal(TestVector.CryptogramHex, result.CryptogramHex);
        var kCard = CardKeys.DeriveCardKey(TestVector.Imk, TestVector.CardNumber);
        Assert.True(Cryptogram.Verify(kCard, TestVector.CardNumber, result.Atc, TestVector.Data, result.Cryptogram.Span));
    }

    [Fact]
    public void One_verify_allows_exactly_one_cryptogram()
    {
        var card = TestCard.Personalised();
        card.Client.Verify(TestVector.Pin);
        card.Client.GenerateCryptogram(TestVector.Data);

        var e = Assert.Throws<CardException>(() => card.Client.GenerateCryptogram(TestVector.Data));

        Assert.Equal(0x6982, e.StatusWord);
        Assert.StartsWith("PIN belum diverifikasi", e.Message, StringComparison.Ordinal);
        Assert.Equal((ushort)1, card.Client.Select().Atc); // the refused attempt did not spend an ATC
    }

    [Fact]
    public void Atc_increments_with_each_cryptogram()
    {
        var card = TestCard.Personalised();
        var kCard = TestVector.CardKey;

        for (ushort expected = 1; expected <= 5; expected++)
        {
            card.Client.Verify(TestVector.Pin);
            var result = card.Client.GenerateCryptogram(TestVector.Data);
            Assert.Equal(expected, result.Atc);
            Assert.True(Cryptogram.Verify(kCard, TestVector.CardNumber, expected, TestVector.Data, result.Cryptogram.Span));
        }
        Assert.Equal((ushort)5, card.Client.Select().Atc);
    }

    [Fact]
    public void Three_wrong_pins_block_then_the_puk_unblocks()
    {
        var card = TestCard.Personalised();

        var tries = new[] { card.Client.Verify("000000"), card.Client.Verify("000000"), card.Client.Verify("000000") };

        Assert.Equal([0x63C2, 0x63C1, 0x63C0], tries.Select(t => (int)t.StatusWord));
        Assert.Equal([2, 1, 0], tries.Select(t => t.TriesLeft ?? -1));
        Assert.Equal("PIN salah, sisa 2 kali percobaan (wrong PIN, 2 tries left)", tries[0].Message);
        Assert.True(tries[2].IsPinBlocked);

        var blocked = card.Client.Verify(TestVector.Pin); // even the right PIN
        Assert.Equal(PinOutcome.PinBlocked, blocked.Outcome);
        Assert.Equal(0x6983, blocked.StatusWord);
        Assert.Equal(0, card.Client.Select().PinTriesLeft);
        Assert.Equal(0x6983, Assert.Throws<CardException>(() => card.Client.GenerateCryptogram(TestVector.Data)).StatusWord);

        var unblock = card.Client.Unblock(TestVector.Puk, "246810");
        Assert.Equal(PinOutcome.Success, unblock.Outcome);
        Assert.Equal(3, card.Client.Select().PinTriesLeft);
        Assert.Equal(PinOutcome.WrongPin, card.Client.Verify(TestVector.Pin).Outcome); // the old PIN is gone
        Assert.True(card.Client.Verify("246810").IsSuccess);
        Assert.Equal(1, card.Client.GenerateCryptogram(TestVector.Data).Atc);
    }

    [Fact]
    public void A_right_pin_restores_the_tries()
    {
        var card = TestCard.Personalised();
        card.Client.Verify("000000");
        card.Client.Verify("000000");

        Assert.True(card.Client.Verify(TestVector.Pin).IsSuccess);

        Assert.Equal(3, card.Client.Select().PinTriesLeft);
    }

    [Fact]
    public void Ten_wrong_puks_end_the_card()
    {
        var card = TestCard.Personalised();

        for (var i = 1; i <= 9; i++)
            Assert.Equal(PinOutcome.WrongPuk, card.Client.Unblock("12345678", "111111").Outcome);
        var tenth = card.Client.Unblock("12345678", "111111");

        Assert.Equal(PinOutcome.CardEnded, tenth.Outcome);
        Assert.Equal(0x6983, tenth.StatusWord);
        Assert.StartsWith("Kartu tidak bisa dipakai lagi", tenth.Message, StringComparison.Ordinal);
        Assert.Equal(PinOutcome.CardEnded, card.Client.Unblock(TestVector.Puk, "111111").Outcome); // too late for the right PUK
        Assert.Equal(PinOutcome.PinBlocked, card.Client.Verify(TestVector.Pin).Outcome);
        Assert.Equal(0, card.Client.Select().PinTriesLeft);
        Assert.Equal(0, card.Applet.State.PukTriesLeft);
    }

    [Fact]
    public void A_right_puk_resets_the_puk_counter()
    {
        var card = TestCard.Personalised();
        for (var i = 0; i < 9; i++) card.Client.Unblock("12345678", "111111");

        Assert.True(card.Client.Unblock(TestVector.Puk, "111111").IsSuccess);

        Assert.Equal(10, card.Applet.State.PukTriesLeft);
    }

    [Fact]
    public void Change_pin_needs_the_old_pin_and_grants_no_cryptogram()
    {
        var card = TestCard.Personalised();

        var wrong = card.Client.ChangePin("999999", "135790");
        Assert.Equal(0x63C2, wrong.StatusWord);

        Assert.True(card.Client.ChangePin(TestVector.Pin, "135790").IsSuccess);
        Assert.Equal(3, card.Client.Select().PinTriesLeft);
        Assert.Equal(0x6982, Assert.Throws<CardException>(() => card.Client.GenerateCryptogram(TestVector.Data)).StatusWord);
        Assert.Equal(PinOutcome.WrongPin, card.Client.Verify(TestVector.Pin).Outcome);
        Assert.True(card.Client.Verify("135790").IsSuccess);
    }

    [Fact]
    public void Select_clears_the_verification()
    {
        var card = TestCard.Personalised();
        card.Client.Verify(TestVector.Pin);

        card.Client.Select();

        Assert.Equal(0x6982, Assert.Throws<CardException>(() => card.Client.GenerateCryptogram(TestVector.Data)).StatusWord);
    }

    [Fact]
    public void Reset_and_power_off_clear_the_verification_and_the_selection()
    {
        var card = TestCard.Personalised();
        card.Client.Verify(TestVector.Pin);
        card.Applet.Reset();

        Assert.Equal(0x6985, Assert.Throws<CardException>(() => card.Client.GenerateCryptogram(TestVector.Data)).StatusWord);
        card.Client.Select();
        Assert.Equal(0x6982, Assert.Throws<CardException>(() => card.Client.GenerateCryptogram(TestVector.Data)).StatusWord);

        card.Client.Verify(TestVector.Pin);
        card.Applet.PowerOff();
        Assert.False(card.Applet.IsPowered);
        card.Applet.PowerOn();
        card.Client.Select();
        Assert.Equal(0x6982, Assert.Throws<CardException>(() => card.Client.GenerateCryptogram(TestVector.Data)).StatusWord);
    }

    [Fact]
    public void A_wrong_pin_after_a_right_one_withdraws_the_permission()
    {
        var card = TestCard.Personalised();
        card.Client.Verify(TestVector.Pin);
        card.Client.Verify("000000");

        Assert.Equal(0x6982, Assert.Throws<CardException>(() => card.Client.GenerateCryptogram(TestVector.Data)).StatusWord);
    }

    [Fact]
    public void At_atc_FFFF_the_card_refuses()
    {
        var personalised = TestCard.Personalised().Applet.State;
        var card = TestCard.With(personalised with { Atc = 0xFFFE });
        card.Client.Select();

        card.Client.Verify(TestVector.Pin);
        Assert.Equal(0xFFFF, card.Client.GenerateCryptogram(TestVector.Data).Atc);

        card.Client.Verify(TestVector.Pin);
        var e = Assert.Throws<CardException>(() => card.Client.GenerateCryptogram(TestVector.Data));
        Assert.Equal(0x6985, e.StatusWord);
        Assert.Equal((ushort)0xFFFF, card.Applet.State.Atc);
    }

    [Fact]
    public void Selecting_another_application_deselects_this_one()
    {
        var card = TestCard.Personalised();

        Assert.Equal("6A82", card.Status("00A4040007A000000003101000"));
        Assert.Equal("6985", card.Status("002000800826123456FFFFFFFF"));
        Assert.Equal(0x6A82, Assert.Throws<CardException>(() => TestCard.Over(card.Applet).Client.Send(new Apdu.CommandApdu(0, 0xA4, 4, 0, [0xA0, 0, 0, 0, 3], 256)).EnsureSuccess()).StatusWord);
    }

    [Fact]
    public void Store_data_split_over_several_commands_personalises_the_card()
    {
        var card = TestCard.Blank();
        card.Client.Select();

        foreach (var command in Personalisation.BuildCommands(TestVector.Personalisation(), maxDataLength: 24))
            Assert.Equal(0x9000, card.Client.Send(command).StatusWord);

        Assert.Equal(TestVector.HolderName, card.Client.Select().HolderName);
        card.Client.Verify(TestVector.Pin);
        Assert.Equal(TestVector.CryptogramHex, card.Client.GenerateCryptogram(TestVector.Data).CryptogramHex);
    }

    [Fact]
    public void Lock_refuses_while_a_mandatory_tag_is_missing()
    {
        var card = TestCard.Blank();
        card.Client.Select();
        var tlvs = Personalisation.BuildTlvs(TestVector.Personalisation());

        Assert.Equal("9000", card.Status("80E20000" + Lc(tlvs.Take(5))));
        Assert.Equal("6985", card.Status("80E8000000"));
        Assert.False(card.Client.Select().IsPersonalised);
        Assert.Equal("9000", card.Status("80E20000" + Lc(tlvs.Skip(5))));
        Assert.Equal("9000", card.Status("80E8000000"));
        Assert.True(card.Client.Select().IsPersonalised);
        Assert.Equal("6985", card.Status("80E8000000"));
        Assert.Equal("6985", card.Status("80E20000" + Lc(tlvs.Take(1))));
    }

    [Fact]
    public void Atr_is_T1_with_BANSOS_in_the_historical_bytes()
    {
        var atr = AidCardApplet.InMemory().Atr;

        Assert.Equal("3B8801805642414E534F535D", Hex.Of(atr));
        Assert.Equal(VirtualCardAtr.Hex, Hex.Of(atr));
        Assert.Equal("BANSOS", System.Text.Encoding.ASCII.GetString(atr, 5, 6));
        Assert.Equal(0, atr.Skip(1).Aggregate(0, (x, b) => x ^ b)); // TCK makes the XOR of T0..TCK zero
    }

    private static string Lc(IEnumerable<byte[]> tlvs)
    {
        var data = tlvs.SelectMany(t => t).ToArray();
        return $"{data.Length:X2}{Hex.Of(data)}";
    }
}
