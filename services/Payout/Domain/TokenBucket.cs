namespace Bansos.Payout.Domain;

/// <summary>
/// A token bucket in whole ticks: each take costs <see cref="Cost"/> ticks of credit, credit grows
/// one tick per tick of time up to <see cref="Capacity"/>. Integer arithmetic, so a clock that moves
/// by exactly one interval gives exactly one take back. Not thread-safe: the owner locks.
/// </summary>
public sealed class TokenBucket(long cost, long capacity, long nowTicks)
{
    private long credit = capacity;
    private long lastTicks = nowTicks;

    public long Cost { get; } = cost;

    public long Capacity { get; } = capacity;

    /// <summary>Takes one token if there is one at <paramref name="nowTicks"/>.</summary>
    public bool TryTake(long nowTicks)
    {
        if (nowTicks > lastTicks)
        {
            credit = Math.Min(Capacity, credit + (nowTicks - lastTicks));
            lastTicks = nowTicks;
        }

        if (credit < Cost)
        {
            return false;
        }

        credit -= Cost;
        return true;
    }
}
