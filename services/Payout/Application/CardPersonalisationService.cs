using Bansos.Card;
using Bansos.Card.Crypto;
using Bansos.Payout.Data;
using Bansos.Payout.Keys;
using Bansos.ServiceDefaults.Audit;
using Bansos.ServiceDefaults.Hosting;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Application;

/// <summary>
/// K_card and PUK for personalising one card (admin only, checked by the gRPC layer), handed out
/// once per issued, live card: whoever holds them can make a card that pays, so a second request
/// is refused and a card that must be personalised again is replaced. The hand-out is recorded
/// and audited (without the key) in one transaction before the key leaves.
/// </summary>
public sealed class CardPersonalisationService(
    IIssuerKeyStore keys, IDbSessions sessions, ProjectionStore projection, CardPersonalisationStore personalisations,
    IAuditTrail audit, TimeProvider time)
{
    public sealed record Result(string CardNumber, byte[] CardKey, string Puk);

    public async Task<Result> GetAsync(string actor, string? cardNumberText, CancellationToken ct)
    {
        if (!CardNumber.TryParse(cardNumberText?.Trim(), out var cardNumber))
        {
            throw new ValidationException("card_number", "Nomor kartu harus 16 angka dengan digit kontrol Luhn (card number must be 16 digits with a valid Luhn check digit).");
        }

        await sessions.WriteAsync(async session =>
            {
                var card = await projection.GetCardAsync(session, cardNumber.Digits, ct);
                if (card is null)
                {
                    throw Refused("Kartu belum diterbitkan atau belum diterima layanan pembayaran; bila baru diterbitkan, coba lagi sebentar " +
                        "(card not issued, or its issue not yet received by payout; if just issued, try again shortly).");
                }

                if (card.Refusal is { } refusal)
                {
                    throw Refused($"Kartu tidak aktif ({refusal}); kartu pengganti dipersonalisasi dengan nomornya sendiri " +
                        $"(card is not live: {refusal}; a replacement card is personalised under its own number).");
                }

                if (!await personalisations.TryRecordAsync(session, cardNumber.Digits, actor, time.GetUtcNow(), ct))
                {
                    throw Refused("Kartu ini sudah dipersonalisasi; datanya tidak diberikan lagi. Ganti kartu (ReplaceCard) untuk membuat kartu baru " +
                        "(this card was already personalised; its data is not handed out again: replace the card to make a new one).");
                }

                await audit.AppendAsync(session.Connection, session.Transaction,
                    new AuditEntry(actor, "card.personalisation-data-issued", "card", cardNumber.Digits, null, null), ct);
                return true;
            },
            ct: ct);

        var cardKey = keys.DeriveCardKey(cardNumber);
        return new Result(cardNumber.Digits, cardKey, CardKeys.DerivePuk(cardKey));
    }

    private static ConflictException Refused(string message) => new(message, [new FieldViolation("card_number", message)]);
}
