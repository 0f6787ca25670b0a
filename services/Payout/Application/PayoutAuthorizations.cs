using System.Diagnostics.Metrics;
using System.Globalization;
using Bansos.Payout.Data;
using Bansos.Payout.Domain;
using Bansos.Payout.Keys;
using Bansos.ServiceDefaults.Hosting;
using Bansos.ServiceDefaults.Storage;
using Microsoft.Extensions.Logging;

namespace Bansos.Payout.Application;

/// <summary>
/// AuthorizePayout (docs/architecture.md §5 step 5), the one pipeline on both databases. Checked and
/// verified here, outside the database (the cryptogram is pure CPU and the costliest step); then
/// queued, and a batching loop (<see cref="BatchLoops{T}"/>) takes whatever queued meanwhile and runs it
/// as one unit of work on its own connection: the database's <see cref="IAuthorizationStore"/> reads
/// every snapshot, <see cref="AuthorizationBatchPlanner"/> decides each request in order, the store
/// writes the debits, payouts and events, and the session commits — one fsync for the batch on
/// SQLite (group commit), three round trips for it on PostgreSQL. Callers are answered after the commit.
/// Anyone outside the batch who got in between (another instance, the other loop, a reversal, a
/// request with the same challenge or key) makes the write a conflict: nothing of the batch is
/// stored and each request runs again alone, as a unit of work of one under the one retry policy
/// (<see cref="IDbSessions.WriteAsync{T}"/>), which always answers right. With group commit off
/// every batch is one request.
/// </summary>
public sealed partial class PayoutAuthorizations : BatchLoops<PayoutAuthorizations.Pending>
{
    public const int MaxIdempotencyKeyLength = 64;

    private readonly IDbSessions sessions;
    private readonly IDatabase database;
    private readonly IAuthorizationStore store;
    private readonly PayoutStore payouts;
    private readonly ChallengeIssuer challenges;
    private readonly CryptogramVerifier verifier;
    private readonly TimeProvider time;
    private readonly UnbackedAuthorizations unbacked;
    private readonly ILogger<PayoutAuthorizations> logger;
    private readonly Counter<long> batchCounter;
    private readonly Counter<long> itemCounter;
    private readonly Counter<long> fallbackCounter;
    private long batches;
    private long items;
    private long fallbacks;

    public PayoutAuthorizations(IDbSessions sessions, IDatabase database, IAuthorizationStore store, PayoutStore payouts, ChallengeIssuer challenges,
        CryptogramVerifier verifier, TimeProvider time, PayoutOptions options, UnbackedAuthorizations unbacked, IMeterFactory meters,
        ILogger<PayoutAuthorizations> logger)
        : base(database, options.GroupCommit == false ? 1 : options.MaxBatch, options.BatchWindow)
    {
        this.sessions = sessions;
        this.database = database;
        this.store = store;
        this.payouts = payouts;
        this.challenges = challenges;
        this.verifier = verifier;
        this.time = time;
        this.unbacked = unbacked;
        this.logger = logger;
        var meter = meters.Create(UnbackedAuthorizations.MeterName);
        batchCounter = meter.CreateCounter<long>("bansos.payout.authorization_batches", description: "Units of work of batched authorizations committed");
        itemCounter = meter.CreateCounter<long>("bansos.payout.batched_authorizations", description: "Authorizations in those batches");
        fallbackCounter = meter.CreateCounter<long>("bansos.payout.batch_fallbacks", description: "Batches that met a conflict and ran one by one");
        Start(store.Loops, store.OwnThread, "payout-authorizations");
    }

    /// <summary>Batches committed so far (the benchmark's figures; also <c>bansos.payout.authorization_batches</c>).</summary>
    public long Batches => Interlocked.Read(ref batches);

    /// <summary>Requests in those batches; Items / Batches is the mean batch size.</summary>
    public long Items => Interlocked.Read(ref items);

    /// <summary>Batches that met a conflict and went one by one.</summary>
    public long Fallbacks => Interlocked.Read(ref fallbacks);

    public async Task<AuthorizationResult> AuthorizeAsync(long terminalId, AuthorizeCommand command, CancellationToken ct)
    {
        Validate(command);
        var challenge = challenges.TryRead(command.ChallengeId);
        var fingerprint = RequestFingerprint.Of(command.ChallengeId, command.PeriodId, command.Amount, command.Atc, command.Cryptogram);

        // Pure CPU and the costliest step: done before queueing for the database.
        var cryptogramValid = challenge is not null && command.Amount > 0 &&
            verifier.Verify(challenge.CardNumber, (ushort)command.Atc, command.Amount, (uint)command.PeriodId, (ulong)terminalId,
                challenge.Bytes.Span, command.Cryptogram);
        var pending = new Pending(new AuthorizationRequest(terminalId, command, challenge, cryptogramValid, fingerprint), ct);
        Enqueue(pending);
        var result = await pending.Task;
        if (!result.Stored)
        {
            unbacked.Record(terminalId, result.Payout.DeclineReason!.Value);
        }

        return result;
    }

    protected override async Task RunBatchAsync(DedicatedConnection connection, List<Pending> batch)
    {
        AuthorizationBatchPlan plan;
        try
        {
            var requests = batch.ConvertAll(p => p.Request);
            plan = await sessions.WriteOnAsync(await connection.GetAsync(), session => DecideAndWriteAsync(session, requests));
        }
        catch (Exception ex) when (database.IsTransientFailure(ex))
        {
            // A conflict (or a lock another writer held too long): each request again, alone, on fresh reads.
            Interlocked.Increment(ref fallbacks);
            fallbackCounter.Add(1);
            foreach (var pending in batch)
            {
                await RunAloneAsync(pending);
            }

            return;
        }
        catch (Exception ex)
        {
            LogBatchFailed(ex, batch.Count);
            await connection.DropAsync(); // it may be broken; the next batch opens another
            foreach (var pending in batch)
            {
                pending.Fail(ex);
            }

            return;
        }

        Interlocked.Increment(ref batches);
        Interlocked.Add(ref items, batch.Count);
        batchCounter.Add(1);
        itemCounter.Add(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Complete(plan.Outcomes[i]);
        }
    }

    private async Task RunAloneAsync(Pending pending)
    {
        try
        {
            var plan = await sessions.WriteAsync(session => DecideAndWriteAsync(session, [pending.Request]), ct: pending.CancellationToken);
            pending.Complete(plan.Outcomes[0]);
        }
        catch (Exception ex)
        {
            pending.Fail(ex);
        }
    }

    /// <summary>One unit of work: read every snapshot, decide in order, write what was decided (and enqueue its events).</summary>
    private async Task<AuthorizationBatchPlan> DecideAndWriteAsync(DbSession session, IReadOnlyList<AuthorizationRequest> requests)
    {
        var now = time.GetUtcNow();
        var lookups = new AuthorizationLookup[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            var r = requests[i];
            lookups[i] = new AuthorizationLookup(r.TerminalId, r.Command.IdempotencyKey, r.ChallengeBytes, r.CardNumber, r.Command.PeriodId);
        }

        var snapshots = await store.ReadAsync(session, lookups, CancellationToken.None);
        var planItems = new List<AuthorizationBatchPlanner.Item>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            // A retried request: its original answer (rare, so read one at a time).
            var original = snapshots[i]?.ExistingPayoutId is { } id
                ? await payouts.GetAsync(session, id, CancellationToken.None) ?? throw new InvalidOperationException("An idempotency key points at a missing payout.")
                : null;
            planItems.Add(new(requests[i], snapshots[i], original));
        }

        var plan = AuthorizationBatchPlanner.Decide(planItems, now);
        foreach (var payout in plan.Payouts)
        {
            session.Outbox.Enqueue(AuthorizationBatchPlanner.ToEvent(payout.Record));
        }

        await store.WriteAsync(session, plan.Debits, plan.Payouts, CancellationToken.None);
        return plan;
    }

    private static void Validate(AuthorizeCommand command)
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

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} authorizations failed; none of them is stored")]
    private partial void LogBatchFailed(Exception exception, int count);

    public sealed class Pending(AuthorizationRequest request, CancellationToken ct) : QueuedRequest<AuthorizationResult>(ct)
    {
        public AuthorizationRequest Request { get; } = request;

        public void Complete(AuthorizationBatchPlan.Outcome outcome)
        {
            if (outcome.Error is not null)
            {
                Fail(outcome.Error);
            }
            else
            {
                Complete(outcome.Result!);
            }
        }
    }
}
