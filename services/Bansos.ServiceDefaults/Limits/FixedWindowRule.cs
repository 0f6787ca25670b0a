namespace Bansos.ServiceDefaults.Limits;

/// <summary>
/// A fixed window per key (the gateway's limits, docs/decisions.md D27): the window opens with the
/// key's first request and lets <see cref="Limit"/> requests through until it ends.
/// </summary>
public sealed class FixedWindowRule(long windowTicks, int limit) : IRateRule<FixedWindowRule.Window>
{
    public long WindowTicks { get; } = windowTicks > 0 ? windowTicks : throw new ArgumentOutOfRangeException(nameof(windowTicks));

    public int Limit { get; } = limit > 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit));

    public long SweepEveryTicks => WindowTicks;

    public Window Open(long now) => new(now, 0);

    public bool TryTake(ref Window state, long now, out long waitTicks)
    {
        if (now - state.Start >= WindowTicks)
        {
            state = new Window(now, 0);
        }

        if (state.Taken < Limit)
        {
            state = state with { Taken = state.Taken + 1 };
            waitTicks = 0;
            return true;
        }

        waitTicks = state.Start + WindowTicks - now;
        return false;
    }

    public bool IsForgettable(in Window state, long now) => now - state.Start >= WindowTicks;

    /// <summary>When the key's window opened and how many requests it has let through.</summary>
    public readonly record struct Window(long Start, int Taken);
}
