using Bansos.Payout.Data;
using Bansos.Payout.Domain;

namespace Bansos.Payout.Application;

/// <summary>
/// Decides a batch of authorisations read together, in arrival order, each as if it had run
/// alone after the ones before it: the same <see cref="AuthorisationRules"/> over the snapshot,
/// with what earlier requests of the batch did laid over it — balances drawn, challenges
/// consumed, ATCs taken, idempotency keys used. No I/O: the batcher reads before and writes after,
/// and the database's conditional debit and unique indexes still guard against anyone outside
/// the batch (a conflict sends the whole batch back to the one-by-one path).
/// </summary>
public static class AuthorisationBatchPlanner
{
    /// <param name="Snapshot">Null when the terminal is not enrolled.</param>
    /// <param name="Original">The stored payout an idempotency key already points at, if any.</param>
    public sealed record Item(AuthorisationRequest Request, AuthorisationSnapshot? Snapshot, PayoutRecord? Original);

    public static AuthorisationBatchPlan Decide(IReadOnlyList<Item> items, DateTimeOffset now)
    {
        var outcomes = new AuthorisationBatchPlan.Outcome[items.Count];
        var payouts = new List<AuthorisationBatchPlan.NewPayout>(items.Count);
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

        return new AuthorisationBatchPlan(
            outcomes,
            payouts,
            [.. debits.OrderBy(d => d.Key).Select(d => new AuthorisationBatchPlan.Debit(d.Key, d.Value.Amount, d.Value.After))]);

        AuthorisationResult DecideOne(AuthorisationRequest request, AuthorisationSnapshot? snapshot, PayoutRecord? original)
        {
            if (snapshot is null)
            {
                throw AuthorisationMapping.NotEnrolled();
            }

            if (original is not null)
            {
                return AuthorisationMapping.ReplayOrRefuse(original, request);
            }

            var key = (request.TerminalId, request.Command.IdempotencyKey);
            if (keys.TryGetValue(key, out var earlier))
            {
                return AuthorisationMapping.ReplayOrRefuse(earlier, request); // the same request twice in one batch
            }

            var challenge = request.ChallengeBytes.Length > 0 ? Convert.ToHexString(request.ChallengeBytes) : null;
            var facts = AuthorisationMapping.ToFacts(snapshot, request, now);
            facts = facts with
            {
                ChallengeUsed = facts.ChallengeUsed || (challenge is not null && challengesUsed.Contains(challenge)),
                HighestAtcSeen = highestAtc.TryGetValue(request.CardNumber, out var atc) ? Math.Max(atc, facts.HighestAtcSeen ?? 0) : facts.HighestAtcSeen,
                Entitlement = facts.Entitlement is { } e && balances.TryGetValue(e.EntitlementId, out var balance) ? e with { Balance = balance } : facts.Entitlement,
            };
            var decision = AuthorisationRules.Decide(facts);
            if (!decision.Recorded)
            {
                // Nothing of it is written or laid over the batch: a repeat in the batch is decided the same again.
                return new AuthorisationResult(AuthorisationMapping.NewRecord(request, snapshot, decision, null, now), Replayed: false, Stored: false);
            }

            long? balanceAfter = null;
            if (decision.Approved)
            {
                var entitlement = facts.Entitlement!;
                balanceAfter = entitlement.Balance - request.Command.Amount;
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

            var record = AuthorisationMapping.NewRecord(request, snapshot, decision, balanceAfter, now);
            payouts.Add(new AuthorisationBatchPlan.NewPayout(record, request.Command.Atc,
                decision.RecordsAtc ? request.Command.Atc : null, decision.ConsumesChallenge ? request.ChallengeBytes : null));
            keys[key] = record;
            return new AuthorisationResult(record, Replayed: false);
        }
    }
}
