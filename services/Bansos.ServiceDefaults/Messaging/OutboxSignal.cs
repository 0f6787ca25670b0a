namespace Bansos.ServiceDefaults.Messaging;

/// <summary>Wakes the relay right after a commit that enqueued something; polling is the fallback.</summary>
public sealed class OutboxSignal
{
    private TaskCompletionSource pulse = NewPulse();

    public void Pulse() => Volatile.Read(ref pulse).TrySetResult();

    /// <summary>Waits for a pulse or the timeout, and re-arms; a pulse that came while the relay was busy ends the next wait at once.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        var current = Volatile.Read(ref pulse);
        // The timeout is the polling fallback, not a failure: awaited without throwing, since an idle
        // relay would otherwise throw (and unwind) a TimeoutException every poll.
        await current.Task.WaitAsync(timeout, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref pulse, NewPulse(), current);
        }
    }

    private static TaskCompletionSource NewPulse() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
