using System.Threading.Channels;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Data;

/// <summary>
/// The skeleton of a PostgreSQL batching path: a queue of requests and a few loops sharing it,
/// each on a connection it keeps (<see cref="DedicatedConnection"/>), each taking whatever queued
/// while its previous batch ran (<see cref="QueuedBatch"/>). Several loops so that one batch held
/// up on a busy machine does not hold every request behind it.
/// </summary>
public abstract class PostgresBatchLoops<T> : IAsyncDisposable
    where T : IQueuedRequest
{
    private readonly IDatabase database;
    private readonly int maxBatch;
    private readonly Channel<T> queue = Channel.CreateUnbounded<T>();
    private Task[] loops = [];

    protected PostgresBatchLoops(IDatabase database, int maxBatch)
    {
        this.database = database;
        this.maxBatch = maxBatch;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await Task.WhenAll(loops);
        GC.SuppressFinalize(this);
    }

    /// <summary>Called once at the end of the derived constructor, when everything the loops use is set.</summary>
    protected void Start(int count) => loops = [.. Enumerable.Range(0, count).Select(_ => Task.Run(RunAsync))];

    protected void Enqueue(T request) => ObjectDisposedException.ThrowIf(!queue.Writer.TryWrite(request), this);

    /// <summary>Answers every request of <paramref name="batch"/>; drops the connection after an error that may have broken it.</summary>
    protected abstract Task RunBatchAsync(DedicatedConnection connection, List<T> batch);

    private async Task RunAsync()
    {
        await using var connection = new DedicatedConnection(database);
        var batch = new List<T>(maxBatch);
        while (await QueuedBatch.NextAsync(queue.Reader, batch, maxBatch))
        {
            await RunBatchAsync(connection, batch);
        }
    }
}
