using Bansos.Card;
using Bansos.Card.Crypto;
using Bansos.Payout.Keys;
using Bansos.ServiceDefaults.Audit;
using Bansos.ServiceDefaults.Hosting;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Application;

/// <summary>
/// K_card and PUK for personalising one card (admin only, checked by the gRPC layer). The card
/// need not be in the projection yet: personalisation follows issuance closely and must not wait
/// for the event. Every call is audited, without the key.
/// </summary>
public sealed class CardPersonalisationService(IIssuerKeyStore keys, IDatabase database, IAuditTrail audit)
{
    public sealed record Result(string CardNumber, byte[] CardKey, string Puk);

    public async Task<Result> GetAsync(string actor, string? cardNumberText, CancellationToken ct)
    {
        if (!CardNumber.TryParse(cardNumberText?.Trim(), out var cardNumber))
        {
            throw new ValidationException("card_number", "Nomor kartu harus 16 angka dengan digit kontrol Luhn (card number must be 16 digits with a valid Luhn check digit).");
        }

        var cardKey = keys.DeriveCardKey(cardNumber);
        var puk = CardKeys.DerivePuk(cardKey);
        await database.InTransactionAsync(
            (connection, transaction) => audit.AppendAsync(connection, transaction,
                new AuditEntry(actor, "card.personalisation-data-issued", "card", cardNumber.Digits, null, null), ct),
            ct: ct);
        return new Result(cardNumber.Digits, cardKey, puk);
    }

}
