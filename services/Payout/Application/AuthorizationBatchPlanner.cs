using Bansos.Contracts;
using Bansos.Payout.Domain;

namespace Bansos.Payout.Application;

/// <summary>
/// The one decision sequence of AuthorizePayout (docs/payout.md, "The payout flow"), for one request
/// or a batch read together: in arrival order, each as if it had run alone after the ones before it —
/// an idempotent retry answers from its original, otherwise <see cref="AuthorizationRules"/> decide
/// over the snapshot with what earlier requests of the batch did laid over it (balances drawn,
/// challenges consumed, ATCs taken, idempotency keys used). No I/O: the pipeline reads before and
/// writes after, and the stores' debit and unique indexes still guard against anyone outside the
/// unit of work (a conflict runs the requests again, each alone).
/// </summary>
public static class AuthorizationBatchPlanner
{
    /// <param name="Snapshot">Null when the terminal is not enrolled.</param>
    /// <param name="Original">The stored payout an idempotency key already points at, if any.</param>
    public sealed record Item(AuthorizationRequest Request, AuthorizationSnapshot? Snapshot, PayoutRecord? Original);

    public static AuthorizationBatchPlan Decide(IReadOnlyList<Item> items, DateTimeOffset now)
    {
        var outcomes = new AuthorizationBatchPlan.Outcome[items.Count];
        var payouts = new List<NewPayout>(items.Count);
        var keys = new Dictionary<(long Terminal, string Key), PayoutRecord>();
        var challengesUsed = new HashSet<string>(StringComparer.Ordinal);
        var highestAtc = new Dictionary<string, int>(StringComparer.Ordinal);
        var balances = new Dictionary<long, long>();
        var debits = new Dictionary<long, (long Amount, long After)>();

        for (var i = 0; i < items.Count; i++)
        {
            var (request, snapshot, original) = items[i];
            try
            {
                outcomes[i] = new(DecideOne(request, snapshot, original), null);
            }
            catch (Exception ex) when (ex is TerminalNotAllowedException or IdempotencyKeyReusedException)
            {
                outcomes[i] = new(null, ex);
            }
        }

        return new AuthorizationBatchPlan(
            outcomes,
            payouts,
            [.. debits.OrderBy(d => d.Key).Select(d => new EntitlementDebit(d.Key, d.Value.Amount, d.Value.After))]);

        AuthorizationResult DecideOne(AuthorizationRequest request, AuthorizationSnapshot? snapshot, PayoutRecord? original)
        {
            if (snapshot is null)
            {
                throw new TerminalNotAllowedException("Terminal tidak terdaftar (terminal not enrolled).");
            }

            if (original is not null)
            {
                return ReplayOrRefuse(original, request);
            }

            var key = (request.TerminalId, request.Command.IdempotencyKey);
            if (keys.TryGetValue(key, out var earlier))
            {
                return ReplayOrRefuse(earlier, request); // the same request twice in one batch
            }

            var challenge = request.ChallengeBytes.Length > 0 ? Convert.ToHexString(request.ChallengeBytes) : null;
            var entitlement = snapshot.Entitlement is { } e && balances.TryGetValue(e.EntitlementId, out var balance) ? e with { Balance = balance } : snapshot.Entitlement;
            var decision = AuthorizationRules.Decide(new AuthorizationFacts
            {
                CallerTerminalId = request.TerminalId,
                TerminalActive = snapshot.TerminalStatus == TerminalStatus.Active,
                Challenge = request.Challenge,
                ChallengeUsed = snapshot.ChallengeUsed || (challenge is not null && challengesUsed.Contains(challenge)),
                Amount = request.Command.Amount,
                CryptogramValid = request.CryptogramValid,
                Atc = request.Command.Atc,
                HighestAtcSeen = highestAtc.TryGetValue(request.CardNumber, out var atc) ? Math.Max(atc, snapshot.HighestAtc ?? 0) : snapshot.HighestAtc,
                Card = snapshot.Card,
                Household = snapshot.Household,
                Entitlement = entitlement,
                Now = now,
            });
            if (!decision.Recorded)
            {
                // Nothing of it is written or laid over the batch: a repeat in the batch is decided the same again.
                return new AuthorizationResult(NewRecord(request, snapshot, decision, null, now), Replayed: false, Stored: false);
            }

            long? balanceAfter = null;
            if (decision.Approved)
            {
                balanceAfter = entitlement!.Balance - request.Command.Amount;
                balances[entitlement.EntitlementId] = balanceAfter.Value;
                debits[entitlement.EntitlementId] = (debits.GetValueOrDefault(entitlement.EntitlementId).Amount + request.Command.Amount, balanceAfter.Value);
            }

            if (decision.ConsumesChallenge && challenge is not null)
            {
                challengesUsed.Add(challenge);
            }

            if (decision.RecordsAtc)
            {
                highestAtc[request.CardNumber] = Math.Max(request.Command.Atc, highestAtc.GetValueOrDefault(request.CardNumber));
            }

            var record = NewRecord(request, snapshot, decision, balanceAfter, now);
            payouts.Add(new NewPayout(record, request.Command.Atc,
                decision.RecordsAtc ? request.Command.Atc : null, decision.ConsumesChallenge ? request.ChallengeBytes : null));
            keys[key] = record;
            return new AuthorizationResult(record, Replayed: false);
        }
    }

    /// <summary>The event a recorded attempt publishes (through the outbox, in its unit of work).</summary>
    public static object ToEvent(PayoutRecord payout) => payout.Approved
        ? new PayoutAuthorized(payout.PayoutId, payout.PeriodId, payout.HouseholdId!.Value, payout.CardNumber!, payout.TerminalId,
            payout.VillageCode!, payout.Amount, payout.BalanceAfter!.Value, payout.ApprovalCode!, payout.At)
        : new PayoutDeclined(payout.PayoutId, DeclineReasons.Code(payout.DeclineReason!.Value), payout.HouseholdId, payout.CardNumber ?? "",
            payout.TerminalId, payout.VillageCode, payout.Amount, payout.At);

    private static PayoutRecord NewRecord(AuthorizationRequest request, AuthorizationSnapshot snapshot, AuthorizationDecision decision,
        long? balanceAfter, DateTimeOffset now) => new()
        {
            PayoutId = Guid.CreateVersion7(now),
            TerminalId = request.TerminalId,
            IdempotencyKey = request.Command.IdempotencyKey,
            RequestHash = request.Fingerprint,
            CardNumber = request.Challenge is null ? null : request.CardNumber,
            HouseholdId = snapshot.Card?.HouseholdId,
            PeriodId = request.Command.PeriodId,
            EntitlementId = snapshot.Entitlement?.EntitlementId,
            VillageCode = snapshot.Household?.VillageCode ?? snapshot.TerminalVillage,
            Amount = request.Command.Amount,
            DeclineReason = decision.Reason,
            ApprovalCode = decision.Approved ? ApprovalCodes.New() : null,
            BalanceAfter = balanceAfter,
            At = now,
            BusinessDate = BusinessCalendar.BusinessDate(now),
        };

    private static AuthorizationResult ReplayOrRefuse(PayoutRecord original, AuthorizationRequest request) =>
        RequestFingerprint.Same(original.RequestHash, request.Fingerprint)
            ? new AuthorizationResult(original, Replayed: true)
            : throw new IdempotencyKeyReusedException(
                $"Kunci idempotensi '{request.Command.IdempotencyKey}' sudah dipakai untuk permintaan lain (idempotency key already used with different content; FSPIOP 3106).");
}
