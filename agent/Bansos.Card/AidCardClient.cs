using System.Buffers.Binary;
using Bansos.Card.Apdu;
using Bansos.Card.Crypto;
using Bansos.Card.Tlv;
using static Bansos.Card.AidCardProfile;

namespace Bansos.Card;

/// <summary>
/// Typed operations of card profile v1 over any <see cref="ICardChannel"/> (PC/SC reader, the
/// virtual card in process, a test double). Expected refusals that the operator must act on
/// (wrong PIN, blocked PIN, wrong PUK) come back as <see cref="PinResult"/>; every other refusal,
/// and any answer that does not follow the profile, is a <see cref="CardException"/> whose
/// message can be shown to the operator as it is.
/// </summary>
/// <remarks>
/// <c>61xx</c> and <c>6Cxx</c> are handled here as well as in the transport, so that a T=0 reader
/// whose driver passes them through still works.
/// </remarks>
public sealed class AidCardClient(ICardChannel channel)
{
    /// <summary>Bounds the GET RESPONSE loop against a card that keeps saying 61xx.</summary>
    private const int MaxResponseChunks = 16;

    /// <summary>SELECTs the application and returns its FCI; also ends any earlier PIN verification.</summary>
    public Fci Select()
    {
        var response = Send(AidCardCommands.Select());
        if (response.StatusWord == StatusWords.FileNotFound)
            throw new CardException(response.StatusWord, "Kartu ini bukan kartu bansos (this is not a Bansos aid card)");
        EnsureSuccess(response, "Kartu tidak bisa dibaca (the card could not be read)");
        try
        {
            return Fci.Parse(response.Data.Span);
        }
        catch (CardDataFormatException e)
        {
            throw Garbled(response, e);
        }
    }

    /// <summary>VERIFY; a success allows exactly one <see cref="GenerateCryptogram"/>.</summary>
    public PinResult Verify(string pin) => PinResult.ForPin(Send(AidCardCommands.Verify(pin)).StatusWord, "Verifikasi PIN gagal (PIN verification failed)");

    /// <summary>CHANGE PIN (needs the current PIN; counts as a PIN try).</summary>
    public PinResult ChangePin(string oldPin, string newPin) =>
        PinResult.ForPin(Send(AidCardCommands.ChangePin(oldPin, newPin)).StatusWord, "Ganti PIN gagal (PIN change failed)");

    /// <summary>UNBLOCK with the PUK: sets a new PIN and gives back its 3 tries.</summary>
    public PinResult Unblock(string puk, string newPin) => PinResult.ForPuk(Send(AidCardCommands.Unblock(puk, newPin)).StatusWord);

    /// <summary>GENERATE CRYPTOGRAM after a successful <see cref="Verify"/>; the card increments its ATC first.</summary>
    public GeneratedCryptogram GenerateCryptogram(CryptogramData data)
    {
        var response = Send(AidCardCommands.GenerateCryptogram(data));
        switch (response.StatusWord)
        {
            case StatusWords.Success:
                break;
            case StatusWords.SecurityStatusNotSatisfied:
                throw new CardException(response.StatusWord, "PIN belum diverifikasi, masukkan PIN lagi (PIN not verified, enter the PIN again)");
            case StatusWords.ConditionsNotSatisfied:
                throw new CardException(response.StatusWord,
                    "Kartu tidak bisa membuat kriptogram: penghitung transaksi habis atau kartu belum dipersonalisasi; ganti kartu (card cannot make a cryptogram: counter exhausted or not personalised; replace the card)");
            default:
                EnsureSuccess(response, "Kartu menolak transaksi (card refused the transaction)");
                break;
        }
        try
        {
            var template = TlvReader.ParseSingle(response.Data);
            if (template.Tag != Tags.ResponseTemplate)
                throw new CardDataFormatException($"Expected template 77, got {TlvTag.ToHex(template.Tag)}.");
            var atc = template.Find(Tags.Atc);
            var cryptogram = template.Find(Tags.Cryptogram);
            if (atc is not { Value.Length: 2 } || cryptogram is not { Value.Length: Cryptogram.Length })
                throw new CardDataFormatException("Template 77 lacks a 2-byte ATC (9F36) or a 16-byte cryptogram (9F26).");
            return new GeneratedCryptogram(BinaryPrimitives.ReadUInt16BigEndian(atc.Value.Span), cryptogram.Value.ToArray());
        }
        catch (CardDataFormatException e)
        {
            throw Garbled(response, e);
        }
    }

    /// <summary>Writes <paramref name="data"/> with STORE DATA and LOCKs the card. Only a blank card accepts it.</summary>
    public void Personalise(PersonalisationData data)
    {
        foreach (var command in Personalisation.BuildStoreDataCommands(data))
        {
            var response = Send(command);
            if (response.StatusWord == StatusWords.ConditionsNotSatisfied)
                throw new CardException(response.StatusWord, "Kartu sudah dipersonalisasi atau aplikasi belum dipilih (card already personalised or application not selected)");
            EnsureSuccess(response, "Personalisasi kartu gagal (card personalisation failed)");
        }
        var lockResponse = Send(AidCardCommands.Lock());
        if (lockResponse.StatusWord == StatusWords.ConditionsNotSatisfied)
            throw new CardException(lockResponse.StatusWord, "Penguncian kartu gagal: data personalisasi belum lengkap atau kartu sudah terkunci (lock failed: personalisation data incomplete or card already locked)");
        EnsureSuccess(lockResponse, "Penguncian kartu gagal (card lock failed)");
    }

    /// <summary>
    /// Sends one command and returns the complete response, following <c>61xx</c> with GET RESPONSE
    /// and answering <c>6Cxx</c> by resending with the Le the card asked for.
    /// </summary>
    public ResponseApdu Send(CommandApdu command)
    {
        var response = Exchange(command.Encode());
        if (StatusWords.IsWrongLe(response.StatusWord))
        {
            var le = response.SW2 == 0 ? CommandApdu.MaxLe : response.SW2;
            response = Exchange(new CommandApdu(command.Cla, command.Ins, command.P1, command.P2, command.Data.Span, le).Encode());
        }
        if (!StatusWords.IsBytesAvailable(response.StatusWord)) return response;

        var data = new List<byte>(response.Data.ToArray());
        for (var i = 0; i < MaxResponseChunks && StatusWords.IsBytesAvailable(response.StatusWord); i++)
        {
            response = Exchange(AidCardCommands.GetResponse(response.SW2 == 0 ? CommandApdu.MaxLe : response.SW2).Encode());
            data.AddRange(response.Data.Span);
        }
        return new ResponseApdu([.. data], response.StatusWord);
    }

    private ResponseApdu Exchange(byte[] command)
    {
        var raw = channel.Transmit(command);
        try
        {
            return ResponseApdu.Parse(raw);
        }
        catch (ApduFormatException e)
        {
            throw new CardException(StatusWords.NoPreciseDiagnosis, "Jawaban kartu terputus, coba masukkan kartu lagi (incomplete card answer, reinsert the card)", e);
        }
    }

    private static void EnsureSuccess(ResponseApdu response, string context)
    {
        if (!response.IsSuccess)
            throw new CardException(response.StatusWord, $"{context}: {StatusWords.Describe(response.StatusWord)}");
    }

    private static CardException Garbled(ResponseApdu response, Exception inner) =>
        new(response.StatusWord, "Jawaban kartu tidak sesuai profil kartu bansos (card answer does not follow the Bansos card profile)", inner);
}
