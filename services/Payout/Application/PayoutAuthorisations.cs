using System.Globalization;
using Bansos.Card;
using Bansos.Contracts;
using Bansos.Payout.Data;
using Bansos.Payout.Domain;
using Bansos.Payout.Keys;
using Bansos.ServiceDefaults.Hosting;
using Bansos.ServiceDefaults.Messaging;

namespace Bansos.Payout.Application;

/// <summary>
/// DESIGN §5 steps 2 and 5: BeginPayout (read only; the challenge is sealed, not stored) and
/// AuthorizePayout (one transaction: read, decide, conditional debit, record, outbox).
/// </summary>
public sealed class PayoutAuthorisations(
    ReadConnections reads,
    IPayoutWriter writer,
    PayoutStore payouts,
    ChallengeIssuer challenges,
    CryptogramVerifier verifier,
    IOutbox outbox,
    TimeProvider time,
    PayoutOptions options)
{
    public const int MaxIdempotencyKeyLength = 64;

    public async Task<BeginPayoutResult> BeginAsync(long terminalId, string? cardNumberText, CancellationToken ct)
    {
        if (!CardNumber.TryParse(cardNumberText?.Trim(), out var cardNumber))
        {
            throw new ValidationException("card_number", "Nomor kartu harus 16 angka dengan digit kontrol Luhn (card number must be 16 digits with a valid Luhn check digit).");
        }

        IReadOnlyList<CardView> rows;
        var connection = await reads.RentAsync(ct);
        var healthy = false;
        try
        {
            rows = await payouts.ReadCardViewAsync(connection, terminalId, cardNumber.Digits, ct);
            healthy = true;
        }
        finally
        {
            await reads.ReturnAsync(connection, healthy);
        }

        if (rows.Count == 0)
        {
            throw new TerminalNotAllowedException("Terminal tidak terdaftar (terminal not enrolled).");
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
            return new BeginPayoutResult(cardNumber.Digits, card, household, open, refusal, null, null, terminalId);
        }

        var (challenge, id) = challenges.Issue(terminalId, cardNumber, time.GetUtcNow() + options.ChallengeTtl);
        return new BeginPayoutResult(cardNumber.Digits, card, household, open, null, challenge, id, terminalId);
    }

    public async Task<AuthorisationResult> AuthoriseAsync(long terminalId, AuthoriseCommand command, CancellationToken ct)
    {
        Validate(command);
        var challenge = challenges.TryRead(command.ChallengeId);
        var fingerprint = RequestFingerprint.Of(command.ChallengeId, command.PeriodId, command.Amount, command.Atc, command.Cryptogram);

        // Pure CPU and the costliest step: done before queueing for the write lock.
        var cryptogramValid = challenge is not null && command.Amount > 0 &&
            verifier.Verify(challenge.CardNumber, (ushort)command.Atc, command.Amount, (uint)command.PeriodId, (ulong)terminalId,
                challenge.Bytes.Span, command.Cryptogram);
        var challengeBytes = challenge?.Bytes.ToArray() ?? [];
        var cardNumber = challenge?.CardNumber.Digits ?? "";

        return await writer.WriteAsync(async (connection, transaction, token) =>
        {
            var now = time.GetUtcNow();
            var snapshot = await payouts.ReadSnapshotAsync(connection, transaction, terminalId, command.IdempotencyKey,
                    challengeBytes, cardNumber, command.PeriodId, token)
                ?? throw new TerminalNotAllowedException("Terminal tidak terdaftar (terminal not enrolled).");

            if (snapshot.ExistingPayoutId is { } existingId)
            {
                var original = await payouts.GetAsync(connection, transaction, existingId, token)
                    ?? throw new InvalidOperationException("An idempotency key points at a missing payout.");
                return RequestFingerprint.Same(original.RequestHash, fingerprint)
                    ? new AuthorisationResult(original, Replayed: true)
                    : throw new IdempotencyKeyReusedException(
                        $"Kunci idempotensi '{command.IdempotencyKey}' sudah dipakai untuk permintaan lain (idempotency key already used with different content; FSPIOP 3106).");
            }

            var facts = ToFacts(snapshot, terminalId, challenge, command, cryptogramValid, now);
            var decision = AuthorisationRules.Decide(facts);
            long? balanceAfter = null;
            if (decision.Approved)
            {
                balanceAfter = await payouts.DebitAsync(connection, transaction, facts.Entitlement!.EntitlementId, command.Amount, token);
                if (balanceAfter is null)
                {
                    // A concurrent payout drew first (PostgreSQL): the row lock made us wait and the balance no longer covers it.
                    decision = AuthorisationDecision.Decline(DeclineReason.InsufficientBalance, true, true);
                }
            }

            var payout = new PayoutRecord
            {
                PayoutId = Guid.CreateVersion7(now),
                TerminalId = terminalId,
                IdempotencyKey = command.IdempotencyKey,
                RequestHash = fingerprint,
                CardNumber = challenge is null ? null : cardNumber,
                HouseholdId = snapshot.CardHouseholdId,
                PeriodId = command.PeriodId,
                EntitlementId = snapshot.EntitlementId,
                VillageCode = snapshot.HouseholdVillage ?? snapshot.TerminalVillage,
                Amount = command.Amount,
                DeclineReason = decision.Reason,
                ApprovalCode = decision.Approved ? ApprovalCodes.New() : null,
                BalanceAfter = balanceAfter,
                At = now,
                BusinessDate = BusinessCalendar.BusinessDate(now),
            };
            await payouts.InsertAsync(connection, transaction, payout, command.Atc,
                decision.RecordsAtc ? command.Atc : null, decision.ConsumesChallenge ? challengeBytes : null, token);
            await outbox.EnqueueAsync(connection, transaction, ToEvent(payout), token);
            return new AuthorisationResult(payout, Replayed: false);
        }, ct);
    }

    private static AuthorisationFacts ToFacts(AuthorisationSnapshot s, long terminalId, IssuedChallenge? challenge, AuthoriseCommand command,
        bool cryptogramValid, DateTimeOffset now) => new()
        {
            CallerTerminalId = terminalId,
            TerminalActive = s.TerminalStatus == "ACTIVE",
            Challenge = challenge,
            ChallengeUsed = s.ChallengeUses > 0,
            Amount = command.Amount,
            CryptogramValid = cryptogramValid,
            Atc = command.Atc,
            HighestAtcSeen = s.HighestAtc is { } atc ? (int)atc : null,
            Card = s.CardId is { } cardId ? new CardFacts(cardId, s.CardHouseholdId!.Value, s.CardStatus!, s.ReplacedBy is not null) : null,
            Household = s.CardHouseholdId is { } householdId ? new HouseholdFacts(householdId, s.HouseholdVillage, s.HouseholdStatus, []) : null,
            Entitlement = s.EntitlementId is { } entitlementId
                ? new EntitlementFacts(entitlementId, command.PeriodId, s.PeriodCode!, s.Programme!, AidPeriodLifecycle.ParseStatus(s.PeriodStatus!),
                    ParseDate(s.StartDate!), ParseDate(s.EndDate!), s.EntitlementAmount!.Value, s.Balance!.Value)
                : null,
            Now = now,
        };

    private static object ToEvent(PayoutRecord payout) => payout.Approved
        ? new PayoutAuthorized(payout.PayoutId, payout.PeriodId, payout.HouseholdId!.Value, payout.CardNumber!, payout.TerminalId,
            payout.VillageCode!, payout.Amount, payout.BalanceAfter!.Value, payout.ApprovalCode!, payout.At)
        : new PayoutDeclined(payout.PayoutId, DeclineReasons.Code(payout.DeclineReason!.Value), payout.HouseholdId, payout.CardNumber ?? "",
            payout.TerminalId, payout.VillageCode, payout.Amount, payout.At);

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
