using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Bansos.Payout.Data;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Tests.Data;

/// <summary>
/// The batch window of <see cref="BatchLoops{T}"/> (docs/decisions.md D95): a small batch waits for more
/// only while requests arrive closer together than the window; a lone request is answered at once.
/// The loops here run no SQL: each batch is recorded and answered.
/// </summary>
public sealed class BatchLoopsTests
{
    [Fact]
    public async Task While_requests_come_close_together_a_lone_request_waits_the_window_and_shares_a_batch_with_the_next()
    {
        await using var loops = new RecordingLoops(TimeSpan.FromMilliseconds(400));
        await BurstThenTwoApartAsync(loops);

        Assert.Equal(loops.BatchOf(100), loops.BatchOf(101));
    }

    [Fact]
    public async Task A_request_after_a_quiet_spell_is_answered_alone_without_waiting_the_window()
    {
        await using var loops = new RecordingLoops(TimeSpan.FromMilliseconds(800));

        var first = loops.Send(1);
        await Task.Delay(300);
        var second = loops.Send(2);
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.NotEqual(loops.BatchOf(1), loops.BatchOf(2));
    }

    [Fact]
    public async Task With_no_window_a_small_batch_never_waits()
    {
        await using var loops = new RecordingLoops(TimeSpan.Zero);
        await BurstThenTwoApartAsync(loops);

        Assert.NotEqual(loops.BatchOf(100), loops.BatchOf(101));
    }

    /// <summary>A burst of 30 (arrivals microseconds apart), then request 100 alone and request 101 100 ms after it.</summary>
    private static async Task BurstThenTwoApartAsync(RecordingLoops loops)
    {
        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => loops.Send(i)));
        var first = loops.Send(100);
        await Task.Delay(100);
        var second = loops.Send(101);
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));
    }

    private sealed class Item(int id) : QueuedRequest<int>(CancellationToken.None)
    {
        public int Id { get; } = id;
    }

    private sealed class RecordingLoops : BatchLoops<Item>
    {
        private readonly ConcurrentDictionary<int, int> batchOf = new();
        private int batches;

        public RecordingLoops(TimeSpan window)
            : base(new NoDatabase(), maxBatch: 64, window) => Start(1, ownThreads: true, "test-batches");

        public Task<int> Send(int id)
        {
            var item = new Item(id);
            Enqueue(item);
            return item.Task;
        }

        public int BatchOf(int id) => batchOf[id];

        protected override Task RunBatchAsync(DedicatedConnection connection, List<Item> batch)
        {
            var number = Interlocked.Increment(ref batches);
            foreach (var item in batch)
            {
                batchOf[item.Id] = number;
                item.Complete(number);
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>The loops never open their connection here.</summary>
    private sealed class NoDatabase : IDatabase
    {
        public DbDialect Dialect => DbDialect.Sqlite;

        public ValueTask<DbConnection> OpenConnectionAsync(CancellationToken ct = default) => throw new NotSupportedException();

        public ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, IsolationLevel? isolationLevel = null, CancellationToken ct = default) =>
            throw new NotSupportedException();

        public bool IsTransientFailure(Exception exception) => false;
    }
}
