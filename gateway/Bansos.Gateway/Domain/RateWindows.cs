using System.Collections.Concurrent;

namespace Bansos.Gateway.Domain;

/// <summary>
/// Fixed windows per caller key (D27): a key's window opens with its first request and lets
/// <c>limit</c> requests through until it ends. Nothing runs between requests (D98): windows that
/// ended are dropped by the request that finds a sweep due, at most once per window length, so an
/// idle gateway has no timer to wake for. No I/O; time is the caller's (<see cref="TimeProvider"/> ticks).
/// </summary>
public sealed class RateWindows(TimeSpan window, long ticksPerSecond)
{
    private readonly long windowTicks = checked((long)(window.TotalSeconds * ticksPerSecond));
    private readonly ConcurrentDictionary<string, Counter> counters = new(StringComparer.Ordinal);
    private long nextSweep = long.MinValue;

    /// <summary>How many keys hold a window now (ended ones included until the next sweep).</summary>
    public int Count => counters.Count;

    /// <summary>
    /// Counts one request of <paramref name="key"/> at <paramref name="now"/>: true if it is within
    /// <paramref name="limit"/>, else false with the time until the window ends.
    /// </summary>
    public bool TryTake(string key, int limit, long now, out TimeSpan retryAfter)
    {
        SweepIfDue(now);
        while (true)
        {
            var counter = counters.GetOrAdd(key, static (_, start) => new Counter(start), now);
            lock (counter)
            {
                if (counter.Dropped)
                {
                    continue; // a sweep took it out after the lookup: take the key's new counter
                }

                if (now - counter.Start >= windowTicks)
                {
                    counter.Start = now;
                    counter.Taken = 0;
                }

                if (counter.Taken < limit)
                {
                    counter.Taken++;
                    retryAfter = TimeSpan.Zero;
                    return true;
                }

                retryAfter = TimeSpan.FromSeconds((double)(counter.Start + windowTicks - now) / ticksPerSecond);
                return false;
            }
        }
    }

    private void SweepIfDue(long now)
    {
        var due = Interlocked.Read(ref nextSweep);
        if (now < due || Interlocked.CompareExchange(ref nextSweep, now + windowTicks, due) != due)
        {
            return;
        }

        foreach (var (key, counter) in counters)
        {
            lock (counter)
            {
                if (now - counter.Start >= windowTicks)
                {
                    counter.Dropped = true;
                    counters.TryRemove(new KeyValuePair<string, Counter>(key, counter));
                }
            }
        }
    }

    private sealed class Counter(long start)
    {
        public long Start = start;
        public int Taken;
        public bool Dropped;
    }
}
