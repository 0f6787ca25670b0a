using System.Data.Common;
using System.Threading.Channels;
using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Storage;
using Microsoft.Extensions.Logging;

namespace Bansos.Payout.Data;

/// <summary>
/// Group commit for SQLite (docs/architecture.md §10): SQLite has one writer at a time and a durable commit
/// (synchronous=FULL) costs an fsync, so one loop takes whatever work is queued, runs each item
/// under its own savepoint in one transaction and commits them together — one fsync for the
/// batch. No item waits for a timer: the batch is whatever queued while the previous commit ran,
/// so an idle service commits each request alone and a busy one batches more. An item that fails
/// rolls back to its savepoint (its own writes only) and gets the error; a failed commit fails
/// the whole batch, and nothing of it is on disk. The loop keeps one connection open, so the
/// statements it compiled (<see cref="HotStatement"/>) serve every batch; its transactions take
/// the write lock up front (BEGIN IMMEDIATE) and retry when another writer holds it.
/// </summary>
public sealed partial class GroupCommitWriter : IPayoutWriter, IAsyncDisposable
{
    private const string Savepoint = "payout_item";
    private const int MaxAttempts = 6;

    private readonly IDatabase database;
    private readonly OutboxSignal? outboxSignal;
    private readonly int maxBatch;
    private readonly ILogger<GroupCommitWriter> logger;
    private readonly Channel<WorkItem> queue = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long batches;
    private long items;
    private DbConnection? connection;

    public GroupCommitWriter(IDatabase database, PayoutOptions options, ILogger<GroupCommitWriter> logger, OutboxSignal? outboxSignal = null)
    {
        this.database = database;
        this.outboxSignal = outboxSignal;
        this.logger = logger;
        maxBatch = options.MaxBatch;
        // Its own thread: Microsoft.Data.Sqlite runs synchronously underneath, so every batch (and its
        // fsync) would otherwise block a thread-pool thread and make the pool inject more threads.
        var thread = new Thread(Run) { IsBackground = true, Name = "payout-group-commit" };
        thread.Start();
    }

    /// <summary>Commits so far (for the benchmark's report).</summary>
    public long Batches => Interlocked.Read(ref batches);

    /// <summary>Work items committed or failed so far; Items / Batches is the mean batch size.</summary>
    public long Items => Interlocked.Read(ref items);

    public Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        var item = new WorkItem<T>(work, ct);
        ObjectDisposedException.ThrowIf(!queue.Writer.TryWrite(item), this);

        return item.Task;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await stopped.Task;
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>
    /// The writer's thread. It waits for work synchronously (it has nothing else to do), and on
    /// SQLite every await inside a batch completes synchronously, so the whole batch, fsync
    /// included, runs here and never on the thread pool.
    /// </summary>
    private void Run()
    {
        try
        {
            var reader = queue.Reader;
            var batch = new List<WorkItem>(maxBatch);
            while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                batch.Clear();
                while (batch.Count < maxBatch && reader.TryRead(out var item))
                {
                    if (!item.TryCancelIfRequested())
                    {
                        batch.Add(item);
                    }
                }

                if (batch.Count > 0)
                {
                    RunBatchAsync(batch).GetAwaiter().GetResult();
                }
            }
        }
        finally
        {
            stopped.TrySetResult();
        }
    }

    private async Task RunBatchAsync(List<WorkItem> batch)
    {
        Interlocked.Increment(ref batches);
        Interlocked.Add(ref items, batch.Count);
        for (var attempt = 1; ; attempt++)
        {
            DbTransaction? transaction = null;
            try
            {
                connection ??= await database.OpenConnectionAsync();
                transaction = await database.BeginWriteAsync(connection);
                foreach (var item in batch)
                {
                    await RunItemAsync(item, connection, transaction);
                }

                await transaction.CommitAsync();
                await transaction.DisposeAsync();
                outboxSignal?.Pulse(); // what InTransactionAsync's commit callback would do: wake the relay
                break;
            }
            catch (Exception ex) when (attempt < MaxAttempts && IsTransient(ex))
            {
                // Another writer (an admin change, a consumer) held the write lock past busy_timeout: all again.
                await RollBackQuietlyAsync(transaction);
                await Task.Delay(TimeSpan.FromMilliseconds(10 << attempt));
            }
            catch (Exception ex)
            {
                LogBatchFailed(ex, batch.Count);
                await RollBackQuietlyAsync(transaction);
                await DropConnectionAsync(); // it may be broken; the next batch opens a new one
                foreach (var item in batch)
                {
                    item.Fail(ex);
                }

                return;
            }
        }

        foreach (var item in batch)
        {
            item.Complete();
        }
    }

    private bool IsTransient(Exception exception) =>
        database.IsTransientFailure(exception);

    private static async Task RollBackQuietlyAsync(DbTransaction? transaction)
    {
        if (transaction is null)
        {
            return;
        }

        try
        {
            await transaction.RollbackAsync();
        }
        catch (Exception)
        {
            // already gone with the connection
        }

        await transaction.DisposeAsync();
    }

    private async Task DropConnectionAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
            connection = null;
        }
    }

    private async Task RunItemAsync(WorkItem item, DbConnection connection, DbTransaction transaction)
    {
        // A whole-batch retry (SQLITE_BUSY at BEGIN) runs every item again from scratch.
        item.Reset();
        for (var attempt = 1; ; attempt++)
        {
            await transaction.SaveAsync(Savepoint);
            try
            {
                await item.RunAsync(connection, transaction);
                await transaction.ReleaseAsync(Savepoint);
                return;
            }
            catch (Exception ex) when (!database.IsTransientFailure(ex))
            {
                await transaction.RollbackAsync(Savepoint);
                await transaction.ReleaseAsync(Savepoint);
                if (attempt == 1 && DbErrors.IsUniqueViolation(ex))
                {
                    continue; // as DirectPayoutWriter: read the conflicting row and answer from it
                }

                item.SetError(ex);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A group commit of {Count} payout writes failed; none of them is stored")]
    private partial void LogBatchFailed(Exception exception, int count);

    private abstract class WorkItem
    {
        public abstract Task RunAsync(DbConnection connection, DbTransaction transaction);

        public abstract void Reset();

        public abstract void SetError(Exception exception);

        /// <summary>After the commit: hand the caller its result or its own error.</summary>
        public abstract void Complete();

        public abstract void Fail(Exception exception);

        public abstract bool TryCancelIfRequested();
    }

    private sealed class WorkItem<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken ct) : WorkItem
    {
        private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? result;
        private Exception? error;

        public Task<T> Task => completion.Task;

        public override async Task RunAsync(DbConnection connection, DbTransaction transaction) =>
            result = await work(connection, transaction, ct);

        public override void Reset()
        {
            result = default;
            error = null;
        }

        public override void SetError(Exception exception) => error = exception;

        public override void Complete()
        {
            if (error is not null)
            {
                completion.TrySetException(error);
            }
            else
            {
                completion.TrySetResult(result!);
            }
        }

        public override void Fail(Exception exception) => completion.TrySetException(exception);

        public override bool TryCancelIfRequested() => ct.IsCancellationRequested && completion.TrySetCanceled(ct);
    }
}
