using Bansos.Payout.Data;
using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Bansos.Payout.Application;

/// <summary>
/// Group commit for PostgreSQL, set-based (docs/architecture.md §10). On a small machine the cost of an
/// authorisation is its round trips, not its work: one by one, each takes five (read, debit,
/// insert, outbox, commit), each costing client and server a context switch. Here two loops each
/// take whatever requests queued meanwhile and run them in two round trips in all, on the loop's
/// own connection: one read of every snapshot; the decisions in memory (<see cref="AuthorisationBatchPlanner"/>);
/// then one batch of statements — conditional multi-row debit, multi-row insert, the events — that
/// is its own implicit transaction and commits as it ends (<see cref="PostgresBatchStore.WriteAsync"/>).
/// The read is a statement of its own, as the reads of a READ COMMITTED transaction are, so it sees
/// no less than before. Requests are answered only after the commit. Anyone outside the batch who
/// got in between — another instance, the other loop, a reversal, a request with the same challenge
/// or key — shows as a debit whose balance is not the one read, or a unique violation: the write
/// then stores nothing and every request runs again on its own (<see cref="SingleAuthorisation"/>),
/// which always answers right. No timer: an idle service commits each request alone.
/// </summary>
public sealed partial class PostgresAuthorisationBatcher : PostgresBatchLoops<PostgresAuthorisationBatcher.Pending>, IAuthorisationBatcher
{
    private const int Loops = 2;

    private readonly IOutbox outbox;
    private readonly OutboxSignal? outboxSignal;
    private readonly PostgresBatchStore store;
    private readonly PayoutStore payouts;
    private readonly SingleAuthorisation single;
    private readonly IPayoutWriter writer;
    private readonly TimeProvider time;
    private readonly ILogger<PostgresAuthorisationBatcher> logger;
    private long batches;
    private long items;
    private long fallbacks;

    public PostgresAuthorisationBatcher(IDatabase database, PostgresBatchStore store, PayoutStore payouts, SingleAuthorisation single,
        IPayoutWriter writer, IOutbox outbox, TimeProvider time, PayoutOptions options, ILogger<PostgresAuthorisationBatcher> logger,
        OutboxSignal? outboxSignal = null)
        : base(database, options.MaxBatch)
    {
        this.outbox = outbox;
        this.outboxSignal = outboxSignal;
        this.store = store;
        this.payouts = payouts;
        this.single = single;
        this.writer = writer;
        this.time = time;
        this.logger = logger;
        Start(Loops);
    }

    /// <summary>Batches committed so far (for the benchmark's report).</summary>
    public long Batches => Interlocked.Read(ref batches);

    /// <summary>Requests in those batches; Items / Batches is the mean batch size.</summary>
    public long Items => Interlocked.Read(ref items);

    /// <summary>Batches that met a conflict and went one by one.</summary>
    public long Fallbacks => Interlocked.Read(ref fallbacks);

    public Task<AuthorisationResult> SubmitAsync(AuthorisationRequest request, CancellationToken ct)
    {
        var pending = new Pending(request, ct);
        Enqueue(pending);
        return pending.Task;
    }

    protected override async Task RunBatchAsync(DedicatedConnection connection, List<Pending> batch)
    {
        AuthorisationBatchPlan plan;
        try
        {
            plan = await DecideAndWriteAsync(await connection.GetAsync(), batch);
        }
        catch (Exception ex) when (PostgresBatchStore.IsConflict(ex))
        {
            Interlocked.Increment(ref fallbacks);
            await Task.WhenAll(batch.Select(RunAloneAsync));
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

        if (plan.Payouts.Count > 0)
        {
            outboxSignal?.Pulse(); // what a transaction's commit callback would do: wake the relay
        }

        Interlocked.Increment(ref batches);
        Interlocked.Add(ref items, batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Complete(plan.Outcomes[i]);
        }
    }

    private async Task<AuthorisationBatchPlan> DecideAndWriteAsync(NpgsqlConnection connection, List<Pending> batch)
    {
        var now = time.GetUtcNow();
        var requests = batch.Select(p => p.Request).ToList();
        var snapshots = await store.ReadSnapshotsAsync(connection, null, requests, CancellationToken.None);
        var planItems = new List<AuthorisationBatchPlanner.Item>(batch.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            // A retried request: its original answer (rare, so read one at a time).
            var original = snapshots[i]?.ExistingPayoutId is { } id ? await payouts.GetAsync(connection, null, id, CancellationToken.None) : null;
            planItems.Add(new(requests[i], snapshots[i], original));
        }

        var plan = AuthorisationBatchPlanner.Decide(planItems, now);
        var events = PostgresOutboxBatchCommand.Create([.. plan.Payouts.Select(p => outbox.Prepare(AuthorisationMapping.ToEvent(p.Record), now))]);
        await store.WriteAsync(connection, plan, events, CancellationToken.None);
        return plan;
    }

    private async Task RunAloneAsync(Pending pending)
    {
        try
        {
            pending.Complete(new(await writer.WriteAsync(
                (connection, transaction, ct) => single.AuthoriseAsync(connection, transaction, pending.Request, ct), pending.CancellationToken), null));
        }
        catch (Exception ex)
        {
            pending.Fail(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} authorisations failed; none of them is stored")]
    private partial void LogBatchFailed(Exception exception, int count);

    public sealed class Pending(AuthorisationRequest request, CancellationToken ct) : QueuedRequest<AuthorisationResult>(ct)
    {
        public AuthorisationRequest Request { get; } = request;

        public void Complete(AuthorisationBatchPlan.Outcome outcome)
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
