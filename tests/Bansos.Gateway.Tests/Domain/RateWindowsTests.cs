using Bansos.Gateway.Domain;

namespace Bansos.Gateway.Tests.Domain;

/// <summary>Fixed windows in seconds (one tick a second): counting, the window's end, and sweeping ended windows.</summary>
public sealed class RateWindowsTests
{
    private readonly RateWindows windows = new(TimeSpan.FromSeconds(60), ticksPerSecond: 1);

    [Fact]
    public void The_limit_passes_and_the_next_is_refused_until_the_window_ends()
    {
        Assert.All(Enumerable.Range(0, 3), i => Assert.True(windows.TryTake("begin:t1", 3, now: 10 + i, out _)));

        Assert.False(windows.TryTake("begin:t1", 3, now: 20, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(50), retryAfter); // the window opened at 10 and ends at 70
        Assert.False(windows.TryTake("begin:t1", 3, now: 69, out _));
        Assert.True(windows.TryTake("begin:t1", 3, now: 70, out _));
    }

    [Fact]
    public void Keys_count_apart()
    {
        Assert.True(windows.TryTake("user:siti", 1, now: 0, out _));

        Assert.True(windows.TryTake("user:budi", 1, now: 0, out _));
        Assert.False(windows.TryTake("user:siti", 1, now: 1, out _));
    }

    [Fact]
    public void Ended_windows_are_dropped_by_a_later_request_and_live_ones_are_kept()
    {
        windows.TryTake("user:a", 5, now: 0, out _);  // also the first sweep: nothing to drop; next one due at 60
        windows.TryTake("user:b", 5, now: 30, out _);
        Assert.Equal(2, windows.Count);

        windows.TryTake("user:c", 5, now: 61, out _); // a has ended (0 + 60), b has not (30 + 60)

        Assert.Equal(2, windows.Count);
        Assert.False(windows.TryTake("user:b", 1, now: 62, out _)); // b kept its count
    }

    [Fact]
    public void Parallel_takes_of_one_key_let_exactly_the_limit_through_across_sweeps()
    {
        // Many threads, one key, each window's first take sweeping the ended one: a sweep may drop a
        // counter between another take's lookup and its lock, and that take must land on the key's new
        // counter, not be lost or counted twice.
        var passed = 0;
        for (var window = 0; window < 20; window++)
        {
            var now = window * 60;
            Parallel.For(0, 1000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            {
                windows.TryTake("other:" + (i % 7), 1, now, out _);
                if (windows.TryTake("begin:t1", 100, now, out _))
                {
                    Interlocked.Increment(ref passed);
                }
            });
        }

        Assert.Equal(20 * 100, passed);
    }
}
