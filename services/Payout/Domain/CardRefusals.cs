using System.Security.Cryptography;
using System.Text;

namespace Bansos.Payout.Domain;

/// <summary>How a card-side refusal is booked: its decline reason, whether the card number must be known, what the operator does next.</summary>
public static class CardRefusals
{
    public static DeclineReason DeclineReasonOf(CardRefusal refusal) => refusal switch
    {
        CardRefusal.PinBlocked => DeclineReason.PinBlocked,
        CardRefusal.CardEnded => DeclineReason.CardEnded,
        CardRefusal.CardUnreadable => DeclineReason.CardUnreadable,
        CardRefusal.NotBansosCard => DeclineReason.NotBansosCard,
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, null),
    };

    /// <summary>A blocked PIN or an ended card was read before it refused: its number is known and required.</summary>
    public static bool NeedsCardNumber(CardRefusal refusal) => refusal is CardRefusal.PinBlocked or CardRefusal.CardEnded;

    /// <summary>What the operator tells the beneficiary, Indonesian first.</summary>
    public static string NextStep(CardRefusal refusal) => refusal switch
    {
        CardRefusal.PinBlocked =>
            "PIN terblokir. Arahkan penerima ke posko untuk membuka blokir; tiket pengaduan dibuat otomatis " +
            "(PIN blocked: send the beneficiary to the posko to unblock it; a complaint ticket is opened automatically).",
        CardRefusal.CardEnded =>
            "Kartu tidak dapat dipakai lagi. Penerima perlu kartu pengganti di posko; tiket pengaduan dibuat otomatis " +
            "(the card is dead: the beneficiary needs a replacement card at the posko; a ticket is opened automatically).",
        CardRefusal.CardUnreadable =>
            "Kartu tidak terbaca. Bersihkan kartu dan coba lagi; bila tetap gagal, laporkan ke posko " +
            "(card unreadable: clean it and try again; if it still fails, report it at the posko).",
        CardRefusal.NotBansosCard =>
            "Ini bukan kartu Bansos (this is not a Bansos card).",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, null),
    };

    /// <summary>"The same content" for a retried refusal: SHA-256 over the refusal and the card number, length-prefixed.</summary>
    public static byte[] Fingerprint(CardRefusal refusal, string cardNumber) =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"refusal:{(int)refusal}|{cardNumber.Length}:{cardNumber}"));
}
