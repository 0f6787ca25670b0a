using System.Globalization;
using Bansos.Card;
using Bansos.Payout.Data;
using Bansos.Payout.Domain;
using Bansos.Payout.Keys;
using Bansos.ServiceDefaults.Hosting;

namespace Bansos.Payout.Application;

/// <summary>
/// docs/architecture.md §5 steps 2 and 5: BeginPayout (read only; the challenge is sealed, not stored) and
/// AuthorizePayout (checked and verified here, then written one by one through the
/// <see cref="IPayoutWriter"/> or a batch at a time through the <see cref="IAuthorisationBatcher"/>).
/// </summary>
public sealed class PayoutAuthorisations(
    ICardViewReader cardViews,
    IPayoutWriter writer,
    SingleAuthorisation single,
    ChallengeIssuer challenges,
    CryptogramVerifier verifier,
    TimeProvider time,
    PayoutOptions options,
    BeginPayoutLimiter limiter,
    UnbackedAuthorisations unbacked,
    IAuthorisationBatcher? batcher = null)
{
    public const int MaxIdempotencyKeyLength = 64;

    public async Task<BeginPayoutResult> BeginAsync(long terminalId, string? cardNumberText, CancellationToken ct)
    {
        if (!CardNumber.TryParse(cardNumberText?.Trim(), out var cardNumber))
        {
            throw new ValidationException("card_number", "Nomor kartu harus 16 angka dengan digit kontrol Luhn (card number must be 16 digits with a valid Luhn check digit).");
        }

        limiter.Take(terminalId);
        var rows = await cardViews.ReadAsync(terminalId, cardNumber.Digits, ct);
        if (rows.Count == 0)
        {
            throw new TerminalNotAllowedException("Terminal tidak terdaftar (terminal not enrolled).");
        }

        // A disabled terminal learns nothing of the card, known or not.
        if (rows[0].TerminalStatus != "ACTIVE")
        {
            throw new TerminalNotAllowedException("Terminal dinonaktifkan (terminal disabled).");
        }

        var first = rows[0];
        if (first.CardId is not { } cardId)
        {
            throw new NotFoundException("Kartu tidak dikenal (card not known).");
        }

        var card = new CardFacts(cardId, first.HouseholdId!.Value, first.CardStatus!, first.ReplacedBy is not null);
        var household = new HouseholdFacts(card.HouseholdId, first.HouseholdVillage, first.HouseholdStatus, []);
        var open = rows
            .Where(r => r.EntitlementId is not null && r.PeriodCode is not null)
            .Select(r => new EntitlementFacts(r.EntitlementId!.Value, r.PeriodId!.Value, r.PeriodCode!, r.Programme!, AidPeriodStatus.Open,
                ParseDate(r.StartDate!), ParseDate(r.EndDate!), r.Amount!.Value, r.Balance!.Value))
            .ToList();
        var refusal = PayoutEligibility.CheckCard(first.TerminalStatus == "ACTIVE", card, household, open);
        if (refusal is not null)
        {
            // A refusal names the card's status and the reason, nothing of the household.
            return new BeginPayoutResult(cardNumber.Digits, card, null, [], refusal, null, null, terminalId);
        }

        var (challenge, id) = challenges.Issue(terminalId, cardNumber, time.GetUtcNow() + options.ChallengeTtl);
        return new BeginPayoutResult(cardNumber.Digits, card, household, open, null, challenge, id, terminalId);
    }

    public async Task<AuthorisationResult> AuthoriseAsync(long terminalId, AuthoriseCommand command, CancellationToken ct)
    {
        Validate(command);
        var challenge = challenges.TryRead(command.ChallengeId);
        var fingerprint = RequestFingerprint.Of(command.ChallengeId, command.PeriodId, command.Amount, command.Atc, command.Cryptogram);

        // Pure CPU and the costliest step: done before queueing for the database.
        var cryptogramValid = challenge is not null && command.Amount > 0 &&
            verifier.Verify(challenge.CardNumber, (ushort)command.Atc, command.Amount, (uint)command.PeriodId, (ulong)terminalId,
                challenge.Bytes.Span, command.Cryptogram);
        var request = new AuthorisationRequest(terminalId, command, challenge, cryptogramValid, fingerprint);
        var result = batcher is not null
            ? await batcher.SubmitAsync(request, ct)
            : await writer.WriteAsync((connection, transaction, token) => single.AuthoriseAsync(connection, transaction, request, token), ct);
        if (!result.Stored)
        {
            unbacked.Record(terminalId, result.Payout.DeclineReason!.Value);
        }

        return result;
    }

    private static void Validate(AuthoriseCommand command)
    {
        var violations = new List<FieldViolation>();
        if (string.IsNullOrEmpty(command.ChallengeId) || command.ChallengeId.Length > 128)
        {
            violations.Add(new("challenge_id", "Wajib diisi, dari BeginPayout (required: the id BeginPayout returned)."));
        }

        if (command.PeriodId is <= 0 or > uint.MaxValue)
        {
            violations.Add(new("period_id", "Wajib diisi (required: the period id of the entitlement)."));
        }

        if (command.Atc is < 0 or > ushort.MaxValue)
        {
            violations.Add(new("atc", "ATC kartu adalah 2 byte (the card's ATC has 2 bytes)."));
        }

        if (command.Cryptogram.Length != Bansos.Card.Crypto.Cryptogram.Length)
        {
            violations.Add(new("cryptogram", "Kriptogram harus 16 byte (the cryptogram has 16 bytes)."));
        }

        if (command.IdempotencyKey.Length is 0 or > MaxIdempotencyKeyLength || !command.IdempotencyKey.All(c => c is >= '!' and <= '~'))
        {
            violations.Add(new("idempotency_key", string.Create(CultureInfo.InvariantCulture,
                $"1 sampai {MaxIdempotencyKeyLength} karakter ASCII tanpa spasi (1 to {MaxIdempotencyKeyLength} printable ASCII characters).")));
        }

        if (violations.Count > 0)
        {
            throw new ValidationException(violations);
        }
    }

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, BusinessCalendar.DateFormat, CultureInfo.InvariantCulture);
}
