using System.Data.Common;
using Bansos.Payout.Data;
using Bansos.Payout.Domain;
using Bansos.ServiceDefaults.Messaging;

namespace Bansos.Payout.Application;

/// <summary>docs/architecture.md §5 step 5 for one request, in the caller's transaction.</summary>
public sealed class SingleAuthorisation(PayoutStore payouts, IOutbox outbox, TimeProvider time)
{
    /// <summary>
    /// One authorisation in the caller's transaction (docs/architecture.md §5 step 5): read, decide, conditional
    /// debit, record, outbox. The batched path falls back to this when a batch meets a conflict.
    /// </summary>
    public async Task<AuthorisationResult> AuthoriseAsync(DbConnection connection, DbTransaction transaction, AuthorisationRequest request,
        CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var command = request.Command;
        var snapshot = await payouts.ReadSnapshotAsync(connection, transaction, request.TerminalId, command.IdempotencyKey,
                request.ChallengeBytes, request.CardNumber, command.PeriodId, ct)
            ?? throw AuthorisationMapping.NotEnrolled();

        if (snapshot.ExistingPayoutId is { } existingId)
        {
            var original = await payouts.GetAsync(connection, transaction, existingId, ct)
                ?? throw new InvalidOperationException("An idempotency key points at a missing payout.");
            return AuthorisationMapping.ReplayOrRefuse(original, request);
        }

        var decision = AuthorisationRules.Decide(AuthorisationMapping.ToFacts(snapshot, request, now));
        if (!decision.Recorded)
        {
            return new AuthorisationResult(AuthorisationMapping.NewRecord(request, snapshot, decision, null, now), Replayed: false, Stored: false);
        }

        long? balanceAfter = null;
        if (decision.Approved)
        {
            balanceAfter = await payouts.DebitAsync(connection, transaction, snapshot.EntitlementId!.Value, command.Amount, ct);
            if (balanceAfter is null)
            {
                // A concurrent payout drew first (PostgreSQL): the row lock made us wait and the balance no longer covers it.
                decision = AuthorisationDecision.Decline(DeclineReason.InsufficientBalance, true, true);
            }
        }

        var payout = AuthorisationMapping.NewRecord(request, snapshot, decision, balanceAfter, now);
        await payouts.InsertAsync(connection, transaction, payout, command.Atc,
            decision.RecordsAtc ? command.Atc : null, decision.ConsumesChallenge ? request.ChallengeBytes : null, ct);
        await outbox.EnqueueAsync(connection, transaction, AuthorisationMapping.ToEvent(payout), ct);
        return new AuthorisationResult(payout, Replayed: false);
    }
}
