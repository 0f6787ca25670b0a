using System.Collections.Concurrent;
using Bansos.Payout.Domain;
using Microsoft.Extensions.Options;

namespace Bansos.Payout.Application;

/// <summary>
/// One <see cref="TokenBucket"/> per terminal for BeginPayout lookups, checked before the database
/// is read. Cheap on the hot path: one dictionary read and an uncontended lock per call (terminals
/// do not share buckets). Buckets live as long as the process; there is one per terminal that has
/// a signed token, which the registered terminals bound.
/// </summary>
public sealed class BeginPayoutLimiter(IOptions<BeginPayoutLimitOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<long, TokenBucket> buckets = new();
    private readonly long cost = Math.Max(1, TimeSpan.TicksPerMinute / options.Value.PerMinute);
    private readonly int burst = options.Value.Burst;

    /// <summary>Throws <see cref="LookupThrottledException"/> when the terminal has no lookup left.</summary>
    public void Take(long terminalId)
    {
        var now = time.GetUtcNow().UtcTicks;
        var bucket = buckets.GetOrAdd(terminalId, static (_, state) => new TokenBucket(state.cost, state.cost * state.burst, state.now), (cost, burst, now));
        bool taken;
        lock (bucket)
        {
            taken = bucket.TryTake(now);
        }

        if (!taken)
        {
            throw new LookupThrottledException(
                "Terlalu banyak pencarian kartu dari terminal ini; coba lagi sebentar lagi (too many card lookups from this terminal; try again shortly).");
        }
    }
}
