using Bansos.ServiceDefaults.Limits;

namespace Bansos.ServiceDefaults.Tests.Limits;

/// <summary>Fixed windows in seconds (one tick a second): counting, the window's end, and sweeping ended windows.</summary>
public sealed class FixedWindowLimiterTests
{
    private static KeyedRateLimiter<string, FixedWindowRule.Window> Limiter(int limit) =>
        new(new FixedWindowRule(windowTicks: 60, limit), StringComparer.Ordinal);

    [Fact]
    public void The_limit_passes_and_the_next_is_refused_until_the_window_ends()
    {
        var windows = Limiter(3);
        Assert.All(Enumerable.Range(0, 3), i => Assert.True(windows.TryTake("t1", now: 10 + i, out _)));

        Assert.False(windows.TryTake("t1", now: 20, out var wait));
        Assert.Equal(50, wait); // the window opened at 10 and ends at 70
        Assert.False(windows.TryTake("t1", now: 69, out _));
        Assert.True(windows.TryTake("t1", now: 70, out _));
    }

    [Fact]
    public void Keys_count_apart()
    {
        var windows = Limiter(1);
        Assert.True(windows.TryTake("siti", now: 0, out _));

        Assert.True(windows.TryTake("budi", now: 0, out _));
        Assert.False(windows.TryTake("siti", now: 1, out _));
    }

    [Fact]
    public void Ended_windows_are_dropped_by_a_later_request_and_live_ones_are_kept()
    {
        var windows = Limiter(1);
        windows.TryTake("a", now: 0, out _);  // also the first sweep: nothing to drop; next one due at 60
        windows.TryTake("b", now: 30, out _);
        Assert.Equal(2, windows.Count);

        windows.TryTake("c", now: 61, out _); // a has ended (0 + 60), b has not (30 + 60)

        Assert.Equal(2, windows.Count);
        Assert.False(windows.TryTake("b", now: 62, out _)); // b kept its count
    }

    [Fact]
    public void Parallel_takes_of_one_key_let_exactly_the_limit_through_across_sweeps()
    {
        // Many threads, one key, each window's first take sweeping the ended one: a sweep may drop a
        // slot between another take's lookup and its lock, and that take must land on the key's new
        // slot, not be lost or counted twice.
        var windows = Limiter(100);
        var passed = 0;
        for (var window = 0; window < 20; window++)
        {
            var now = window * 60;
            Parallel.For(0, 1000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            {
                windows.TryTake("other:" + (i % 7), now, out _);
                if (windows.TryTake("t1", now, out _))
                {
                    Interlocked.Increment(ref passed);
                }
            });
        }

        Assert.Equal(20 * 100, passed);
    }
}
