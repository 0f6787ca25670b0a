using System.Globalization;
using Bansos.Card;
using Bansos.Contracts;
using Bansos.Payout.Data;
using Bansos.Payout.Domain;
using Bansos.ServiceDefaults.Hosting;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Application;

/// <summary>
/// Books a refusal the card made itself (blocked PIN, ended card, unreadable or foreign card) as a
/// declined payout and publishes it as PayoutDeclined, in one unit of work. Idempotent by
/// (terminal, key): a retry with the same content answers the first booking; other content under
/// the same key is refused (ALREADY_EXISTS).
/// </summary>
public sealed class CardRefusalRecorder(IDbSessions sessions, CardRefusalStore store, TimeProvider time)
{
    public async Task<CardRefusalResult> RecordAsync(long terminalId, string? cardNumberText, CardRefusal? refusal, string? idempotencyKey,
        CancellationToken ct)
    {
        var (cardNumber, kind, key) = Validate(cardNumberText, refusal, idempotencyKey);
        var fingerprint = CardRefusals.Fingerprint(kind, cardNumber ?? "");
        try
        {
            return await RecordOnceAsync(terminalId, cardNumber, kind, key, fingerprint, ct);
        }
        catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // The same key arrived twice at once and the other request booked it: answer as a retry.
            return await RecordOnceAsync(terminalId, cardNumber, kind, key, fingerprint, ct);
        }
    }

    private Task<CardRefusalResult> RecordOnceAsync(long terminalId, string? cardNumber, CardRefusal refusal, string key, byte[] fingerprint,
        CancellationToken ct) =>
        sessions.WriteAsync(async session =>
        {
            var status = await store.TerminalStatusAsync(session, terminalId, ct);
            if (status != TerminalStatus.Active)
            {
                throw new TerminalNotAllowedException("Terminal dinonaktifkan atau tidak terdaftar (terminal disabled or not enrolled).");
            }

            var reason = CardRefusals.DeclineReasonOf(refusal);
            if (await store.FindByKeyAsync(session, terminalId, key, ct) is { } earlier)
            {
                if (!RequestFingerprint.Same(earlier.RequestHash, fingerprint))
                {
                    throw new IdempotencyKeyReusedException(
                        "Kunci idempotensi sudah dipakai untuk permintaan lain (idempotency key already used for a different request).");
                }

                return new CardRefusalResult(earlier.Id, reason, earlier.CreatedAt, true, CardRefusals.NextStep(refusal));
            }

            var owner = cardNumber is null ? null : await store.OwnerOfAsync(session, cardNumber, ct);
            var now = DapperTypeHandlers.Normalize(time.GetUtcNow()); // as stored, so a retry answers the same time
            var payoutId = Guid.CreateVersion7(now);
            var code = DeclineReasons.Code(reason);
            await store.InsertDeclinedAsync(session, new CardRefusalStore.DeclinedRefusal(payoutId, terminalId, key, fingerprint, cardNumber,
                owner?.HouseholdId, owner?.VillageCode, code, now, BusinessCalendar.Format(BusinessCalendar.BusinessDate(now))), ct);
            session.Outbox.Enqueue(new PayoutDeclined(payoutId, code, owner?.HouseholdId, cardNumber ?? "", terminalId, owner?.VillageCode, 0, now));
            return new CardRefusalResult(payoutId, reason, now, false, CardRefusals.NextStep(refusal));
        }, ct: ct);

    private static (string? CardNumber, CardRefusal Refusal, string Key) Validate(string? cardNumberText, CardRefusal? refusal, string? idempotencyKey)
    {
        var violations = new List<FieldViolation>();
        if (refusal is not { } kind || !Enum.IsDefined(kind))
        {
            violations.Add(new("refusal", "Jenis penolakan kartu wajib diisi (the card's refusal is required)."));
            kind = default;
        }

        string? cardNumber = null;
        var text = cardNumberText?.Trim() ?? "";
        if (text.Length > 0)
        {
            if (CardNumber.TryParse(text, out var parsed))
            {
                cardNumber = parsed.Digits;
            }
            else
            {
                violations.Add(new("card_number", "Nomor kartu harus 16 angka dengan digit kontrol Luhn (card number must be 16 digits with a valid Luhn check digit)."));
            }
        }
        else if (refusal is { } given && CardRefusals.NeedsCardNumber(given))
        {
            violations.Add(new("card_number", "Nomor kartu wajib untuk kartu yang terbaca (the card number is required when the card was read)."));
        }

        var key = idempotencyKey ?? "";
        if (key.Length is 0 or > PayoutAuthorizations.MaxIdempotencyKeyLength || !key.All(c => c is >= '!' and <= '~'))
        {
            violations.Add(new("idempotency_key", string.Create(CultureInfo.InvariantCulture,
                $"1 sampai {PayoutAuthorizations.MaxIdempotencyKeyLength} karakter ASCII tanpa spasi (1 to {PayoutAuthorizations.MaxIdempotencyKeyLength} printable ASCII characters).")));
        }

        return violations.Count > 0 ? throw new ValidationException(violations) : (cardNumber, kind, key);
    }
}
