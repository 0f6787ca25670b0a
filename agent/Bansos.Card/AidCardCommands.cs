using Bansos.Card.Apdu;
using Bansos.Card.Crypto;
using static Bansos.Card.AidCardProfile;

namespace Bansos.Card;

/// <summary>The command APDUs of profile v1, byte for byte as docs/card-profile.md writes them.</summary>
public static class AidCardCommands
{
    /// <summary><c>00 A4 04 00 08 F042414E534F5301 00</c></summary>
    public static CommandApdu Select() => new(Cla.Iso, Ins.Select, P1P2.SelectByName, 0x00, Aid, CommandApdu.MaxLe);

    /// <summary><c>00 20 00 80 08 &lt;PIN block&gt;</c></summary>
    public static CommandApdu Verify(string pin) => new(Cla.Iso, Ins.Verify, 0x00, P1P2.PinReference, PinBlock.FromPin(pin));

    /// <summary><c>80 AE 80 00 24 &lt;36 bytes&gt; 00</c></summary>
    public static CommandApdu GenerateCryptogram(CryptogramData data) =>
        new(Cla.Proprietary, Ins.GenerateCryptogram, P1P2.GenerateP1, 0x00, data.ToBytes(), CommandApdu.MaxLe);

    /// <summary><c>00 24 00 80 10 &lt;old PIN block&gt; &lt;new PIN block&gt;</c></summary>
    public static CommandApdu ChangePin(string oldPin, string newPin) =>
        new(Cla.Iso, Ins.ChangePin, 0x00, P1P2.PinReference, [.. PinBlock.FromPin(oldPin), .. PinBlock.FromPin(newPin)]);

    /// <summary><c>00 2C 00 80 10 &lt;PUK block&gt; &lt;new PIN block&gt;</c></summary>
    public static CommandApdu Unblock(string puk, string newPin) =>
        new(Cla.Iso, Ins.Unblock, 0x00, P1P2.PinReference, [.. PinBlock.FromPuk(puk), .. PinBlock.FromPin(newPin)]);

    /// <summary><c>80 E2 00 00 Lc &lt;whole TLVs&gt;</c></summary>
    public static CommandApdu StoreData(byte[] tlvs) => new(Cla.Proprietary, Ins.StoreData, 0x00, 0x00, tlvs);

    /// <summary><c>80 E8 00 00 00</c> (case 2: the trailing 00 is Le).</summary>
    public static CommandApdu Lock() => new(Cla.Proprietary, Ins.Lock, 0x00, 0x00, le: CommandApdu.MaxLe);

    /// <summary><c>00 C0 00 00 xx</c>, for T=0 readers that answer 61xx.</summary>
    public static CommandApdu GetResponse(int length) => new(Cla.Iso, Ins.GetResponse, 0x00, 0x00, le: length);
}
