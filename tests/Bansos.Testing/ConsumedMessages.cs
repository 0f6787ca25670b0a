using System.Collections.Concurrent;
using MassTransit;

namespace Bansos.Testing;

/// <summary>
/// Watches a host's bus and tells when a message id has been consumed (successfully) a number of
/// times: the way to know a duplicate delivery was handled without waiting a fixed time.
/// Connect it with <c>bus.ConnectConsumeObserver(observer)</c>.
/// </summary>
public sealed class ConsumedMessages : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> counts = new();
    private readonly object gate = new();
    private readonly List<(Guid Id, int Times, TaskCompletionSource Done)> waiters = [];

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        if (context.MessageId is { } id)
        {
            var count = counts.AddOrUpdate(id, 1, (_, n) => n + 1);
            lock (gate)
            {
                foreach (var waiter in waiters.Where(w => w.Id == id && count >= w.Times))
                {
                    waiter.Done.TrySetResult();
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;

    /// <summary>Completes once <paramref name="messageId"/> was consumed <paramref name="times"/> times; fails the test after <see cref="TestBus.Timeout"/>.</summary>
    public async Task WaitAsync(Guid messageId, int times = 1)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            waiters.Add((messageId, times, done));
            if (counts.TryGetValue(messageId, out var count) && count >= times)
            {
                done.TrySetResult();
            }
        }

        try
        {
            await done.Task.WaitAsync(TestBus.Timeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Message {messageId} was not consumed {times} time(s) within {TestBus.Timeout.TotalSeconds} s.");
        }
    }
}
