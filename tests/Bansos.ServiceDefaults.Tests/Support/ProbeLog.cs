using System.Collections.Concurrent;

namespace Bansos.ServiceDefaults.Tests.Support;

/// <summary>What one test's consumers did: effects committed and deliveries seen, with bounded waits.</summary>
public sealed class ProbeLog(string runId)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<int, int> applied = new();
    private readonly ConcurrentDictionary<Guid, int> deliveries = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> waiters = new();

    public string RunId { get; } = runId;

    public int AppliedCount(int number) => applied.GetValueOrDefault(number);

    public int DeliveryCount(Guid messageId) => deliveries.GetValueOrDefault(messageId);

    public void Applied(int number)
    {
        applied.AddOrUpdate(number, 1, (_, n) => n + 1);
        Signal($"applied:{number}");
    }

    public void Delivered(Guid messageId)
    {
        var count = deliveries.AddOrUpdate(messageId, 1, (_, n) => n + 1);
        Signal($"delivered:{messageId}:{count}");
    }

    public Task WaitAppliedAsync(int number) => WaitAsync($"applied:{number}", () => applied.ContainsKey(number));

    public Task WaitDeliveredAsync(Guid messageId, int times) =>
        WaitAsync($"delivered:{messageId}:{times}", () => DeliveryCount(messageId) >= times);

    private async Task WaitAsync(string key, Func<bool> done)
    {
        var waiter = waiters.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (done())
        {
            return;
        }

        try
        {
            await waiter.Task.WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Timed out after {Timeout.TotalSeconds} s waiting for {key} (run {RunId}).");
        }
    }

    private void Signal(string key) =>
        waiters.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
