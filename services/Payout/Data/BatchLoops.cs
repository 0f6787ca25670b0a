using System.Threading.Channels;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Data;

/// <summary>
/// The one skeleton of the payout path's batching (SQLite's group commit, PostgreSQL's batched
/// authorizations and coalesced BeginPayout reads): a queue of requests and a few loops sharing it,
/// each on a connection it keeps (<see cref="DedicatedConnection"/>). A batch is whatever queued
/// while the loop's previous batch ran, up to a maximum; there is no timer, so an idle loop takes a
/// single request at once and a busy one batches more. A request whose caller gave up before a loop
/// took it is answered as cancelled and left out. A loop may have a thread of its own: SQLite's
/// calls block (fsync included), and on the thread pool they would make the pool grow.
/// </summary>
public abstract class BatchLoops<T> : IAsyncDisposable
    where T : IQueuedRequest
{
    private readonly IDatabase database;
    private readonly int maxBatch;
    private readonly Channel<T> queue;
    private Task[] loops = [];

    protected BatchLoops(IDatabase database, int maxBatch)
    {
        this.database = database;
        this.maxBatch = Math.Max(1, maxBatch);
        queue = Channel.CreateUnbounded<T>();
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await Task.WhenAll(loops);
        GC.SuppressFinalize(this);
    }

    /// <summary>Called once at the end of the derived constructor, when everything the loops use is set.</summary>
    protected void Start(int count, bool ownThreads, string name) => loops =
    [
        .. Enumerable.Range(0, Math.Max(1, count)).Select(i => ownThreads ? RunOnOwnThread($"{name}-{i}") : Task.Run(RunAsync)),
    ];

    protected void Enqueue(T request) => ObjectDisposedException.ThrowIf(!queue.Writer.TryWrite(request), this);

    /// <summary>Answers every request of <paramref name="batch"/>; drops the connection after an error that may have broken it.</summary>
    protected abstract Task RunBatchAsync(DedicatedConnection connection, List<T> batch);

    private async Task RunAsync()
    {
        await using var connection = new DedicatedConnection(database);
        var batch = new List<T>(maxBatch);
        while (await NextAsync(batch))
        {
            await RunBatchAsync(connection, batch);
        }
    }

    /// <summary>
    /// The same loop, blocking its own thread: it waits for work synchronously (it has nothing else to do),
    /// and on SQLite every await inside a batch completes synchronously, so the batch runs here.
    /// </summary>
    private Task RunOnOwnThread(string name)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                var connection = new DedicatedConnection(database);
                var batch = new List<T>(maxBatch);
                while (NextAsync(batch).AsTask().GetAwaiter().GetResult())
                {
                    RunBatchAsync(connection, batch).GetAwaiter().GetResult();
                }

                connection.DisposeAsync().AsTask().GetAwaiter().GetResult();
                stopped.TrySetResult();
            }
            catch (Exception ex)
            {
                stopped.TrySetException(ex);
            }
        })
        { IsBackground = true, Name = name };
        thread.Start();
        return stopped.Task;
    }

    /// <summary>Fills <paramref name="batch"/> with the next requests; false when the queue is completed and empty.</summary>
    private async ValueTask<bool> NextAsync(List<T> batch)
    {
        var reader = queue.Reader;
        batch.Clear();
        while (batch.Count == 0)
        {
            if (!await reader.WaitToReadAsync())
            {
                return false;
            }

            while (batch.Count < maxBatch && reader.TryRead(out var request))
            {
                if (!request.TryCancelIfRequested())
                {
                    batch.Add(request);
                }
            }
        }

        return true;
    }
}
