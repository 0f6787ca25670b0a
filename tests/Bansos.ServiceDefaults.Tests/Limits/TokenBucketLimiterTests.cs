using Bansos.ServiceDefaults.Limits;

namespace Bansos.ServiceDefaults.Tests.Limits;

/// <summary>A token bucket per key: the burst, the steady refill in whole intervals, the cap, and forgetting full buckets.</summary>
public sealed class TokenBucketLimiterTests
{
    private const long Interval = 100;

    private readonly KeyedRateLimiter<long, TokenBucketRule.Bucket> buckets = new(TokenBucketRule.Of(burst: 3, Interval));

    [Fact]
    public void A_full_bucket_gives_its_burst_then_one_take_per_interval_and_never_more_than_its_capacity()
    {
        Assert.Equal([true, true, true, false], Enumerable.Range(0, 4).Select(_ => buckets.TryTake(7, 1_000, out long _)));
        Assert.False(buckets.TryTake(7, 1_099, out var wait)); // 99 ticks of credit: not a whole take
        Assert.Equal(1, wait);
        Assert.True(buckets.TryTake(7, 1_100, out long _));          // exactly one interval later
        Assert.False(buckets.TryTake(7, 1_100, out long _));

        // A long quiet spell refills to the capacity, not beyond.
        Assert.Equal([true, true, true, false], Enumerable.Range(0, 4).Select(_ => buckets.TryTake(7, 1_000_000, out long _)));

        // A clock that goes back gives nothing.
        Assert.False(buckets.TryTake(7, 500, out long _));
    }

    [Fact]
    public void A_refilled_bucket_is_forgotten_by_a_later_sweep_and_a_draining_one_is_kept()
    {
        buckets.TryTake(1, now: 0, out long _);   // first sweep (nothing to drop); next one due at 300, the capacity
        buckets.TryTake(2, now: 250, out long _); // 2 has 200 of 300 at 250, and full only at 350
        Assert.Equal(2, buckets.Count);

        buckets.TryTake(3, now: 300, out long _); // 1 took 100 at 0: full again at 100

        Assert.Equal(2, buckets.Count);
        // Terminal 2 kept its spent credit: 250 at 300 gives two takes; a fresh bucket would give three.
        Assert.Equal([true, true, false], Enumerable.Range(0, 3).Select(_ => buckets.TryTake(2, 300, out long _)));
    }
}
