using Bansos.Payout.Domain;

namespace Bansos.Payout.Tests.Domain;

public sealed class TokenBucketTests
{
    [Fact]
    public void A_full_bucket_gives_its_burst_then_one_take_per_interval_and_never_more_than_its_capacity()
    {
        const long interval = 100;
        var bucket = new TokenBucket(interval, 3 * interval, nowTicks: 1_000);

        Assert.Equal([true, true, true, false], Enumerable.Range(0, 4).Select(_ => bucket.TryTake(1_000)));
        Assert.False(bucket.TryTake(1_099));          // 99 ticks of credit: not a whole take
        Assert.True(bucket.TryTake(1_100));           // exactly one interval later
        Assert.False(bucket.TryTake(1_100));

        // A long quiet spell refills to the capacity, not beyond.
        Assert.Equal([true, true, true, false], Enumerable.Range(0, 4).Select(_ => bucket.TryTake(1_000_000)));

        // A clock that goes back gives nothing.
        Assert.False(bucket.TryTake(500));
    }
}
