using System.Globalization;
using Bansos.Contracts;
using Bansos.Payout.Data;
using Bansos.Payout.Domain;

namespace Bansos.Payout.Application;

/// <summary>What both authorisation paths (one by one, and batched) build from a snapshot: facts, the payout record, its event.</summary>
public static class AuthorisationMapping
{
    public static AuthorisationFacts ToFacts(AuthorisationSnapshot s, AuthorisationRequest request, DateTimeOffset now) => new()
    {
        CallerTerminalId = request.TerminalId,
        TerminalActive = s.TerminalStatus == "ACTIVE",
        Challenge = request.Challenge,
        ChallengeUsed = s.ChallengeUses > 0,
        Amount = request.Command.Amount,
        CryptogramValid = request.CryptogramValid,
        Atc = request.Command.Atc,
        HighestAtcSeen = s.HighestAtc is { } atc ? (int)atc : null,
        Card = s.CardId is { } cardId ? new CardFacts(cardId, s.CardHouseholdId!.Value, s.CardStatus!, s.ReplacedBy is not null) : null,
        Household = s.CardHouseholdId is { } householdId ? new HouseholdFacts(householdId, s.HouseholdVillage, s.HouseholdStatus, []) : null,
        Entitlement = s.EntitlementId is { } entitlementId
            ? new EntitlementFacts(entitlementId, request.Command.PeriodId, s.PeriodCode!, s.Programme!, AidPeriodLifecycle.ParseStatus(s.PeriodStatus!),
                ParseDate(s.StartDate!), ParseDate(s.EndDate!), s.EntitlementAmount!.Value, s.Balance!.Value)
            : null,
        Now = now,
    };

    public static PayoutRecord NewRecord(AuthorisationRequest request, AuthorisationSnapshot s, AuthorisationDecision decision, long? balanceAfter,
        DateTimeOffset now) => new()
        {
            PayoutId = Guid.CreateVersion7(now),
            TerminalId = request.TerminalId,
            IdempotencyKey = request.Command.IdempotencyKey,
            RequestHash = request.Fingerprint,
            CardNumber = request.Challenge is null ? null : request.CardNumber,
            HouseholdId = s.CardHouseholdId,
            PeriodId = request.Command.PeriodId,
            EntitlementId = s.EntitlementId,
            VillageCode = s.HouseholdVillage ?? s.TerminalVillage,
            Amount = request.Command.Amount,
            DeclineReason = decision.Reason,
            ApprovalCode = decision.Approved ? ApprovalCodes.New() : null,
            BalanceAfter = balanceAfter,
            At = now,
            BusinessDate = BusinessCalendar.BusinessDate(now),
        };

    public static object ToEvent(PayoutRecord payout) => payout.Approved
        ? new PayoutAuthorized(payout.PayoutId, payout.PeriodId, payout.HouseholdId!.Value, payout.CardNumber!, payout.TerminalId,
            payout.VillageCode!, payout.Amount, payout.BalanceAfter!.Value, payout.ApprovalCode!, payout.At)
        : new PayoutDeclined(payout.PayoutId, DeclineReasons.Code(payout.DeclineReason!.Value), payout.HouseholdId, payout.CardNumber ?? "",
            payout.TerminalId, payout.VillageCode, payout.Amount, payout.At);

    public static AuthorisationResult ReplayOrRefuse(PayoutRecord original, AuthorisationRequest request) =>
        RequestFingerprint.Same(original.RequestHash, request.Fingerprint)
            ? new AuthorisationResult(original, Replayed: true)
            : throw KeyReused(request);

    public static IdempotencyKeyReusedException KeyReused(AuthorisationRequest request) => new(
        $"Kunci idempotensi '{request.Command.IdempotencyKey}' sudah dipakai untuk permintaan lain (idempotency key already used with different content; FSPIOP 3106).");

    public static TerminalNotAllowedException NotEnrolled() => new("Terminal tidak terdaftar (terminal not enrolled).");

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, BusinessCalendar.DateFormat, CultureInfo.InvariantCulture);
}
