using System.Diagnostics;
using System.Threading.Channels;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Data;

/// <summary>
/// The one skeleton of the payout path's batching (SQLite's group commit, PostgreSQL's batched
/// authorizations and coalesced BeginPayout reads): a queue of requests and a few loops sharing it,
/// each on a connection it keeps (<see cref="DedicatedConnection"/>). A batch is whatever queued
/// while the loop's previous batch ran, up to a maximum. With a batch window (the authorizations'),
/// when that is only a few requests and they are arriving faster than the window, the loop waits
/// the window for more first
/// (docs/decisions.md D95): at a few hundred requests a second every batch would otherwise be one
/// request with a commit (an fsync, a round trip, wake-ups on both sides) of its own. A busy loop
/// finds enough waiting and never waits; a lone request (requests further apart than the window)
/// never waits either, and an idle loop has no timer. A request whose caller gave up before a loop
/// took it is answered as cancelled and left out. A loop may have a thread of its own: SQLite's
/// calls block (fsync included), and on the thread pool they would make the pool grow.
/// </summary>
public abstract class BatchLoops<T> : IAsyncDisposable
    where T : IQueuedRequest
{
    private readonly IDatabase database;
    private readonly int maxBatch;
    private readonly TimeSpan window;
    private readonly long windowTicks;
    private readonly Channel<T> queue;
    private Task[] loops = [];
    private long lastArrival;
    private long meanGap = Stopwatch.Frequency; // as if the last request came a second ago

    /// <param name="window">How long a loop holding fewer than <see cref="SmallBatch"/> requests waits for more (zero: never).</param>
    protected BatchLoops(IDatabase database, int maxBatch, TimeSpan window = default)
    {
        this.database = database;
        this.maxBatch = Math.Max(1, maxBatch);
        this.window = this.maxBatch > 1 ? window : TimeSpan.Zero;
        windowTicks = (long)(this.window.TotalSeconds * Stopwatch.Frequency);
        queue = Channel.CreateUnbounded<T>();
    }

    /// <summary>A batch smaller than this may wait the window; from this size on its commit is shared enough.</summary>
    public const int SmallBatch = 4;

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

    protected void Enqueue(T request)
    {
        if (windowTicks > 0)
        {
            // A running mean of the time between arrivals (1/8 weight to the newest gap, each counted up to a
            // second). Callers race on it and may lose an update: it only decides whether a wait is likely to gather anything.
            var now = Stopwatch.GetTimestamp();
            var gap = Math.Min(now - Interlocked.Exchange(ref lastArrival, now), Stopwatch.Frequency);
            var mean = Volatile.Read(ref meanGap);
            Volatile.Write(ref meanGap, mean + ((gap - mean) / 8));
        }

        ObjectDisposedException.ThrowIf(!queue.Writer.TryWrite(request), this);
    }

    /// <summary>Answers every request of <paramref name="batch"/>; drops the connection after an error that may have broken it.</summary>
    protected abstract Task RunBatchAsync(DedicatedConnection connection, List<T> batch);

    private async Task RunAsync()
    {
        await using var connection = new DedicatedConnection(database);
        var batch = new List<T>(maxBatch);
        while (await NextAsync(batch, ownThread: false))
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
                while (NextAsync(batch, ownThread: true).AsTask().GetAwaiter().GetResult())
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
    private async ValueTask<bool> NextAsync(List<T> batch, bool ownThread)
    {
        var reader = queue.Reader;
        batch.Clear();
        while (batch.Count == 0)
        {
            if (!await reader.WaitToReadAsync())
            {
                return false;
            }

            Take(reader, batch);
        }

        if (batch.Count < SmallBatch && windowTicks > 0 && Volatile.Read(ref meanGap) < windowTicks)
        {
            // One sleep, not a wait per arrival: the window costs one wake-up however many requests come in it.
            if (ownThread)
            {
                Thread.Sleep(window);
            }
            else
            {
                await Task.Delay(window);
            }

            Take(reader, batch);
        }

        return true;
    }

    private void Take(ChannelReader<T> reader, List<T> batch)
    {
        while (batch.Count < maxBatch && reader.TryRead(out var request))
        {
            if (!request.TryCancelIfRequested())
            {
                batch.Add(request);
            }
        }
    }
}
