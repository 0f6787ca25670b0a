namespace Bansos.Registry.Domain.Pilot;

/// <summary>
/// A tiny seeded generator (SplitMix64). System.Random's sequence for a seed is not promised across
/// runtime versions; the committed seed file must regenerate byte for byte, so the algorithm is ours.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong state = seed;

    public ulong NextUInt64()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>0 ≤ result &lt; <paramref name="maxExclusive"/>.</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxExclusive, 1);
        return (int)(NextUInt64() % (ulong)maxExclusive);
    }

    /// <summary><paramref name="min"/> ≤ result ≤ <paramref name="max"/>.</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    /// <summary>True with probability <paramref name="percent"/>/100.</summary>
    public bool Chance(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A uniformly chosen date in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public DateOnly Date(DateOnly from, DateOnly to) =>
        to <= from ? from : DateOnly.FromDayNumber(from.DayNumber + Next(to.DayNumber - from.DayNumber + 1));
}
