using System.Buffers.Binary;
using System.Security.Cryptography;
using Bansos.Card;
using Bansos.Card.Apdu;
using Bansos.Card.Crypto;
using Bansos.Card.Tlv;
using static Bansos.Card.AidCardProfile;

namespace Bansos.VirtualCard.Applet;

/// <summary>
/// The aid-card application of profile v1 (docs/card-profile.md), as a JavaCard applet would implement it:
/// one APDU in, one response APDU (data + SW1 SW2) out. It never throws: malformed input gets a
/// status word (<c>6700</c> bad length, <c>6A80</c> bad data, <c>6F00</c> as the last resort).
/// </summary>
/// <remarks>
/// Session state (application selected, PIN verified) lives in memory and is cleared by SELECT,
/// reset and power-off. Persistent state goes through <see cref="ICardStateStore"/> after every
/// change; try counters are decremented and saved <em>before</em> a PIN or PUK is compared, so
/// that pulling the card mid-command never gives a free try. If the store fails the command
/// answers <c>6581</c> and the state is left as it was.
/// Calls are serialised by a lock, so one applet may be shared between threads.
/// </remarks>
public sealed class AidCardApplet
{
    private const int ResponseTemplateLength = 26; // 77 18 { 9F36 02 ATC, 9F26 10 cryptogram }

    private readonly ICardStateStore store;
    private readonly Lock gate = new();
    private CardState state;
    private bool selected;
    private bool pinVerified;

    /// <summary>Loads the state from <paramref name="store"/> (a blank card when it has none).</summary>
    /// <exception cref="InvalidDataException">The stored state is corrupt; the card refuses to start rather than forget it.</exception>
    public AidCardApplet(ICardStateStore store)
    {
        this.store = store;
        state = store.Load() ?? CardState.Blank;
        state.Validate();
        IsPowered = true;
    }

    /// <summary>A card whose memory lives only as long as the object.</summary>
    public static AidCardApplet InMemory(CardState? initial = null) => new(new InMemoryCardStateStore(initial));

    /// <summary>A card whose memory is the JSON file at <paramref name="path"/> (created on the first write).</summary>
    public static AidCardApplet WithStateFile(string path) => new(new JsonFileCardStateStore(path));

    /// <summary>The answer to reset; see <see cref="VirtualCardAtr"/>.</summary>
    public byte[] Atr => VirtualCardAtr.Bytes;

    public bool IsPowered { get; private set; }

    /// <summary>The persistent state as it is now (immutable, so safe to hand out), for diagnostics and tests.</summary>
    public CardState State
    {
        get { lock (gate) return state; }
    }

    public void PowerOn() => EndSession(powered: true);

    public void PowerOff() => EndSession(powered: false);

    /// <summary>Warm reset: like power-on, the application is deselected and any PIN verification is gone.</summary>
    public void Reset() => EndSession(powered: true);

    /// <summary>Processes one command APDU. Always returns at least the two status bytes.</summary>
    public byte[] Process(ReadOnlySpan<byte> apdu)
    {
        lock (gate)
        {
            try
            {
                // The applet answers even if the reader forgot to power it up: a card in a reader always has power.
                IsPowered = true;
                return Dispatch(apdu);
            }
            catch (Exception)
            {
                // Last resort: a card never goes silent. Any bug lands here instead of crashing the reader link.
                return Status(StatusWords.NoPreciseDiagnosis);
            }
        }
    }

    private void EndSession(bool powered)
    {
        lock (gate)
        {
            IsPowered = powered;
            selected = false;
            pinVerified = false;
        }
    }

    private byte[] Dispatch(ReadOnlySpan<byte> apdu)
    {
        if (apdu.Length < 4) return Status(StatusWords.WrongLength);
        var (cla, ins) = (apdu[0], apdu[1]);
        if (cla is not (Cla.Iso or Cla.Proprietary)) return Status(StatusWords.ClaNotSupported);
        var expectedCla = ins switch
        {
            Ins.Select or Ins.Verify or Ins.ChangePin or Ins.Unblock => Cla.Iso,
            Ins.GenerateCryptogram or Ins.StoreData or Ins.Lock => Cla.Proprietary,
            _ => (byte?)null,
        };
        if (expectedCla is null) return Status(StatusWords.InsNotSupported);
        if (cla != expectedCla) return Status(StatusWords.ClaNotSupported);
        // docs/card-profile.md: before SELECT every profile command but SELECT answers 6985, however it is formed
        // (as on a JavaCard, where the runtime only hands the APDU to a selected applet).
        if (ins != Ins.Select && !selected) return Status(StatusWords.ConditionsNotSatisfied);
        if (!CommandApdu.TryParse(apdu, out var command, out _)) return Status(StatusWords.WrongLength);

        return ins switch
        {
            Ins.Select => Select(command),
            Ins.Verify => Verify(command),
            Ins.ChangePin => ChangePin(command),
            Ins.Unblock => Unblock(command),
            Ins.GenerateCryptogram => GenerateCryptogram(command),
            Ins.StoreData => StoreData(command),
            _ => LockCard(command),
        };
    }

    private byte[] Select(CommandApdu command)
    {
        if (command.P1 != P1P2.SelectByName || command.P2 != 0x00) return Status(StatusWords.IncorrectP1P2);
        if (command.Data.IsEmpty) return Status(StatusWords.WrongLength);
        // Any SELECT ends the session, even one for another application (which deselects this one).
        pinVerified = false;
        if (!command.Data.Span.SequenceEqual(Aid))
        {
            selected = false;
            return Status(StatusWords.FileNotFound);
        }
        var fci = BuildFci().Encode();
        if (WrongLe(command, fci.Length) is { } wrongLe) return wrongLe;
        selected = true;
        return Respond(fci, StatusWords.Success);
    }

    private byte[] Verify(CommandApdu command)
    {
        if (PinCommandPrecheck(command, PinBlock.Length) is { } refused) return refused;
        var tries = state.PinTriesLeft;
        if (!Commit(state with { PinTriesLeft = tries - 1 })) return Status(StatusWords.MemoryFailure);
        if (!CryptographicOperations.FixedTimeEquals(command.Data.Span, state.PinBlock))
            return Status(StatusWords.WrongPin(tries - 1));
        if (!Commit(state with { PinTriesLeft = PinTries })) return Status(StatusWords.MemoryFailure);
        pinVerified = true;
        return Status(StatusWords.Success);
    }

    private byte[] ChangePin(CommandApdu command)
    {
        if (PinCommandPrecheck(command, 2 * PinBlock.Length) is { } refused) return refused;
        var oldBlock = command.Data.Span[..PinBlock.Length];
        var newBlock = command.Data.Span[PinBlock.Length..];
        // Checked before a try is spent: a malformed new PIN is the terminal's fault, not a guess.
        if (!PinBlock.IsValidPinBlock(newBlock)) return Status(StatusWords.IncorrectData);
        var tries = state.PinTriesLeft;
        if (!Commit(state with { PinTriesLeft = tries - 1 })) return Status(StatusWords.MemoryFailure);
        if (!CryptographicOperations.FixedTimeEquals(oldBlock, state.PinBlock))
            return Status(StatusWords.WrongPin(tries - 1));
        if (!Commit(state with { PinTriesLeft = PinTries, PinBlock = newBlock.ToArray() })) return Status(StatusWords.MemoryFailure);
        return Status(StatusWords.Success);
    }

    private byte[] Unblock(CommandApdu command)
    {
        if (command.P1 != 0x00 || command.P2 != P1P2.PinReference) return Status(StatusWords.IncorrectP1P2);
        if (command.Data.Length != 2 * PinBlock.Length) return Status(StatusWords.WrongLength);
        if (!state.Locked) return Status(StatusWords.ConditionsNotSatisfied);
        pinVerified = false;
        if (state.IsEnded) return Status(StatusWords.AuthenticationMethodBlocked);
        var pukBlock = command.Data.Span[..PinBlock.Length];
        var newBlock = command.Data.Span[PinBlock.Length..];
        if (!PinBlock.IsValidPinBlock(newBlock)) return Status(StatusWords.IncorrectData);

        var pukTries = state.PukTriesLeft - 1;
        // The tenth wrong PUK ends the card: the PIN goes with it.
        var spent = state with { PukTriesLeft = pukTries, PinTriesLeft = pukTries == 0 ? 0 : state.PinTriesLeft };
        if (!Commit(spent)) return Status(StatusWords.MemoryFailure);
        var expected = PinBlock.FromPuk(CardKeys.DerivePuk(state.CardKey));
        var ok = CryptographicOperations.FixedTimeEquals(pukBlock, expected);
        CryptographicOperations.ZeroMemory(expected);
        if (!ok)
            return Status(pukTries == 0 ? StatusWords.AuthenticationMethodBlocked : StatusWords.SecurityStatusNotSatisfied);
        var unblocked = state with { PinBlock = newBlock.ToArray(), PinTriesLeft = PinTries, PukTriesLeft = PukTries };
        return Commit(unblocked) ? Status(StatusWords.Success) : Status(StatusWords.MemoryFailure);
    }

    private byte[] GenerateCryptogram(CommandApdu command)
    {
        if (command.P1 != P1P2.GenerateP1 || command.P2 != 0x00) return Status(StatusWords.IncorrectP1P2);
        if (command.Data.Length != CryptogramData.Length) return Status(StatusWords.WrongLength);
        // Asked before anything is spent, so that the terminal's retry with the right Le still works.
        if (WrongLe(command, ResponseTemplateLength) is { } wrongLe) return wrongLe;
        if (!state.Locked) return Status(StatusWords.ConditionsNotSatisfied);
        if (state.PinTriesLeft == 0 || state.IsEnded) return Status(StatusWords.AuthenticationMethodBlocked);
        // A well-formed request uses up the verification whatever happens next: one VERIFY, one cryptogram at most.
        var verified = pinVerified;
        pinVerified = false;
        if (state.Atc == MaxAtc) return Status(StatusWords.ConditionsNotSatisfied);
        if (!verified) return Status(StatusWords.SecurityStatusNotSatisfied);

        // The ATC is incremented and saved before the cryptogram leaves the card, so no ATC is ever used twice.
        var atc = (ushort)(state.Atc + 1);
        if (!Commit(state with { Atc = atc })) return Status(StatusWords.MemoryFailure);
        var cryptogram = Cryptogram.Compute(state.CardKey, state.CardNumber!.Value, atc, command.Data.Span);
        var atcBytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(atcBytes, atc);
        var response = new TlvWriter().WriteConstructed(Tags.ResponseTemplate, t => t
            .Write(Tags.Atc, atcBytes)
            .Write(Tags.Cryptogram, cryptogram)).ToArray();
        return Respond(response, StatusWords.Success);
    }

    private byte[] StoreData(CommandApdu command)
    {
        if (command.P1 != 0x00 || command.P2 != 0x00) return Status(StatusWords.IncorrectP1P2);
        if (state.Locked) return Status(StatusWords.ConditionsNotSatisfied);
        if (command.Data.IsEmpty) return Status(StatusWords.WrongLength);
        if (!TlvReader.TryParseAll(command.Data, out var objects, out _)) return Status(StatusWords.IncorrectData);

        // All TLVs of a command are checked before any is kept: a command is stored whole or not at all.
        var next = state;
        foreach (var tlv in objects)
        {
            var value = tlv.Value.Span;
            switch (tlv.Tag)
            {
                case Tags.CardNumber when Bansos.Card.CardNumber.TryFromBcd(value, out var number):
                    next = next with { CardNumber = number };
                    break;
                case Tags.HouseholdReference when Fci.TryDecodeHouseholdReference(value, out var household):
                    next = next with { HouseholdReference = household };
                    break;
                case Tags.HolderName when Fci.TryDecodeHolderName(value, out var name):
                    next = next with { HolderName = name };
                    break;
                case Tags.Expiry when BcdDate.TryDecode(value, out var expiry):
                    next = next with { Expiry = expiry };
                    break;
                case Tags.CardKey when value.Length == CardKeys.KeyLength:
                    next = next with { CardKey = value.ToArray() };
                    break;
                case Tags.PinBlock when PinBlock.IsValidPinBlock(value):
                    next = next with { PinBlock = value.ToArray() };
                    break;
                default:
                    return Status(StatusWords.IncorrectData);
            }
        }
        return Commit(next) ? Status(StatusWords.Success) : Status(StatusWords.MemoryFailure);
    }

    private byte[] LockCard(CommandApdu command)
    {
        if (command.P1 != 0x00 || command.P2 != 0x00) return Status(StatusWords.IncorrectP1P2);
        if (!command.Data.IsEmpty) return Status(StatusWords.WrongLength);
        if (state.Locked || !state.IsComplete) return Status(StatusWords.ConditionsNotSatisfied);
        var locked = state with { Locked = true, PinTriesLeft = PinTries, PukTriesLeft = PukTries, Atc = 0 };
        return Commit(locked) ? Status(StatusWords.Success) : Status(StatusWords.MemoryFailure);
    }

    /// <summary>The checks VERIFY and CHANGE PIN share, in the order the status words are listed in docs/card-profile.md.</summary>
    private byte[]? PinCommandPrecheck(CommandApdu command, int dataLength)
    {
        if (command.P1 != 0x00 || command.P2 != P1P2.PinReference) return Status(StatusWords.IncorrectP1P2);
        if (command.Data.Length != dataLength) return Status(StatusWords.WrongLength);
        if (!state.Locked) return Status(StatusWords.ConditionsNotSatisfied);
        // Any PIN command, right or wrong, ends an earlier verification that was not used.
        pinVerified = false;
        if (state.PinTriesLeft == 0 || state.IsEnded) return Status(StatusWords.AuthenticationMethodBlocked);
        return null;
    }

    private Fci BuildFci() => state.Locked
        ? Fci.Personalised(state.CardNumber!.Value, state.HouseholdReference!, state.HolderName!, state.Expiry!.Value,
            state.Atc, state.PinTriesLeft)
        : Fci.Blank();

    /// <summary>Saves <paramref name="next"/> and adopts it; on a storage failure keeps the old state.</summary>
    private bool Commit(CardState next)
    {
        try
        {
            store.Save(next);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        state = next;
        return true;
    }

    /// <summary>
    /// <c>6Cxx</c> when the terminal asked for fewer bytes than the answer has (ISO 7816-4); a
    /// missing Le is read as "whatever you have", which is what T=1 readers do.
    /// </summary>
    private static byte[]? WrongLe(CommandApdu command, int available) =>
        command.Le is { } le && le < available ? Status((ushort)(StatusWords.WrongLeBase | available)) : null;

    private static byte[] Respond(ReadOnlySpan<byte> data, ushort sw) => new ResponseApdu(data, sw).Encode();

    private static byte[] Status(ushort sw) => [(byte)(sw >> 8), (byte)sw];
}
