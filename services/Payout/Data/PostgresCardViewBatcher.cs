using Bansos.ServiceDefaults.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Bansos.Payout.Data;

/// <summary>
/// BeginPayout's read on PostgreSQL, coalesced: each of two loops takes whatever reads queued while
/// its previous query ran and answers them all with one query (<see cref="PostgresAuthorizationStore.ReadCardViewsAsync"/>)
/// on its own connection. One by one, each read is a round trip that costs client and server a
/// context switch and more CPU than the read itself. No timer: an idle service answers each read
/// alone, at once. The read is one statement (its own snapshot), as the one-by-one read was.
/// </summary>
public sealed partial class PostgresCardViewBatcher : BatchLoops<PostgresCardViewBatcher.Pending>, ICardViewReader
{
    private const int Loops = 2;

    private readonly ILogger<PostgresCardViewBatcher> logger;
    private long batches;
    private long items;

    /// <param name="maxBatch">1 with group commit off: one query per read.</param>
    public PostgresCardViewBatcher(IDatabase database, int maxBatch, ILogger<PostgresCardViewBatcher> logger)
        : base(database, maxBatch)
    {
        this.logger = logger;
        Start(Loops, ownThreads: false, "payout-begin-reads");
    }

    /// <summary>Queries run so far (for the benchmark's report).</summary>
    public long Batches => Interlocked.Read(ref batches);

    /// <summary>Reads they answered; Items / Batches is the mean batch size.</summary>
    public long Items => Interlocked.Read(ref items);

    public Task<IReadOnlyList<CardView>> ReadAsync(long terminalId, string cardNumber, CancellationToken ct)
    {
        var pending = new Pending(terminalId, cardNumber, ct);
        Enqueue(pending);
        return pending.Task;
    }

    protected override async Task RunBatchAsync(DedicatedConnection connection, List<Pending> batch)
    {
        IReadOnlyList<CardView>[] views;
        try
        {
            views = await PostgresAuthorizationStore.ReadCardViewsAsync((NpgsqlConnection)await connection.GetAsync(), [.. batch.Select(p => (p.TerminalId, p.CardNumber))],
                CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogBatchFailed(ex, batch.Count);
            await connection.DropAsync();
            foreach (var pending in batch)
            {
                pending.Fail(ex);
            }

            return;
        }

        Interlocked.Increment(ref batches);
        Interlocked.Add(ref items, batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Complete(views[i]);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batched read of {Count} BeginPayout requests failed")]
    private partial void LogBatchFailed(Exception exception, int count);

    public sealed class Pending(long terminalId, string cardNumber, CancellationToken ct) : QueuedRequest<IReadOnlyList<CardView>>(ct)
    {
        public long TerminalId { get; } = terminalId;

        public string CardNumber { get; } = cardNumber;
    }
}
