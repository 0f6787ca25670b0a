using System.Diagnostics;
using Bansos.ServiceDefaults.Messaging;

namespace Bansos.ServiceDefaults.Tests;

/// <summary>The relay's wake-up: a pulse ends the wait, the poll interval ends it otherwise, neither by an exception.</summary>
public sealed class OutboxSignalTests
{
    [Fact]
    public async Task A_pulse_before_the_wait_ends_it_at_once_and_is_used_up()
    {
        var signal = new OutboxSignal();
        signal.Pulse();

        var first = Stopwatch.StartNew();
        await signal.WaitAsync(TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);
        Assert.True(first.Elapsed < TimeSpan.FromMinutes(1));

        // Re-armed: the next wait runs to its timeout.
        var second = Stopwatch.StartNew();
        await signal.WaitAsync(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        Assert.True(second.Elapsed >= TimeSpan.FromMilliseconds(150), $"returned after {second.Elapsed}");
    }

    [Fact]
    public async Task The_timeout_and_a_cancelled_token_end_the_wait_without_an_exception()
    {
        var signal = new OutboxSignal();
        var thrown = 0;
        EventHandler<System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs> count = (_, e) =>
        {
            // Process-wide: only what the signal's own wait throws counts (other tests run alongside).
            if (e.Exception is TimeoutException or OperationCanceledException && Environment.StackTrace.Contains(nameof(OutboxSignal), StringComparison.Ordinal))
            {
                Interlocked.Increment(ref thrown);
            }
        };
        AppDomain.CurrentDomain.FirstChanceException += count;
        try
        {
            await signal.WaitAsync(TimeSpan.FromMilliseconds(20), TestContext.Current.CancellationToken);
            using var cancelled = new CancellationTokenSource();
            await cancelled.CancelAsync();
            await signal.WaitAsync(TimeSpan.FromMinutes(5), cancelled.Token);
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= count;
        }

        Assert.Equal(0, thrown);
    }
}
