using MassTransit;

namespace Bansos.Testing;

/// <summary>
/// Watches a host's bus and tells when a message has been consumed successfully — by message id and
/// count (a duplicate delivery handled) or by content (an event another service published from its
/// outbox) — so tests wait for the effect instead of a fixed time. Connect it with
/// <c>bus.ConnectConsumeObserver(observer)</c>.
/// </summary>
public sealed class ConsumedMessages : IConsumeObserver
{
    private readonly object gate = new();
    private readonly List<(Guid? Id, object Message)> consumed = [];
    private readonly List<(Func<Guid?, object, bool> Matches, int Times, TaskCompletionSource Done)> waiters = [];

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        lock (gate)
        {
            consumed.Add((context.MessageId, context.Message));
            foreach (var waiter in waiters)
            {
                if (consumed.Count(c => waiter.Matches(c.Id, c.Message)) >= waiter.Times)
                {
                    waiter.Done.TrySetResult();
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;

    /// <summary>Completes once <paramref name="messageId"/> was consumed <paramref name="times"/> times; fails the test after <see cref="TestPublisher.Timeout"/>.</summary>
    public Task WaitAsync(Guid messageId, int times = 1) =>
        WaitAsync((id, _) => id == messageId, times, $"Message {messageId}");

    /// <summary>Completes with the first <typeparamref name="T"/> matching <paramref name="predicate"/> once it was consumed.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool> predicate)
        where T : class
    {
        await WaitAsync((_, message) => message is T typed && predicate(typed), 1, $"A {typeof(T).Name}");
        lock (gate)
        {
            return consumed.Select(c => c.Message).OfType<T>().First(predicate);
        }
    }

    /// <summary>Completes with every <typeparamref name="T"/> matching <paramref name="predicate"/> once at least <paramref name="count"/> of them were consumed.</summary>
    public async Task<IReadOnlyList<T>> WaitForAsync<T>(Func<T, bool> predicate, int count)
        where T : class
    {
        await WaitAsync((_, message) => message is T typed && predicate(typed), count, $"{count} {typeof(T).Name}");
        return All(predicate);
    }

    /// <summary>Every <typeparamref name="T"/> consumed so far that matches, in the order consumed.</summary>
    public IReadOnlyList<T> All<T>(Func<T, bool> predicate)
        where T : class
    {
        lock (gate)
        {
            return [.. consumed.Select(c => c.Message).OfType<T>().Where(predicate)];
        }
    }

    private async Task WaitAsync(Func<Guid?, object, bool> matches, int times, string what)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            waiters.Add((matches, times, done));
            if (consumed.Count(c => matches(c.Id, c.Message)) >= times)
            {
                done.TrySetResult();
            }
        }

        try
        {
            await done.Task.WaitAsync(TestPublisher.Timeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{what} was not consumed {times} time(s) within {TestPublisher.Timeout.TotalSeconds} s.");
        }
    }
}
