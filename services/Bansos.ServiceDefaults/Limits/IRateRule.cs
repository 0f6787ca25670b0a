namespace Bansos.ServiceDefaults.Limits;

/// <summary>
/// How one key's requests are counted (docs/decisions.md D100): the state a key starts with, a take
/// at a moment, and when a key's state is no different from a new key's, so it may be forgotten.
/// Times are ticks of the caller's clock. No I/O; <see cref="KeyedRateLimiter{TKey, TState}"/> locks
/// around every call, so a rule need not be thread-safe.
/// </summary>
public interface IRateRule<TState>
    where TState : struct
{
    /// <summary>The state of a key seen for the first time at <paramref name="now"/>.</summary>
    TState Open(long now);

    /// <summary>Counts one request at <paramref name="now"/>: true if allowed, else false with the ticks until one would be.</summary>
    bool TryTake(ref TState state, long now, out long waitTicks);

    /// <summary>True when a new key opened at <paramref name="now"/> would behave exactly like this one.</summary>
    bool IsForgettable(in TState state, long now);

    /// <summary>How often a sweep looks for forgettable keys: one window, or the time to refill.</summary>
    long SweepEveryTicks { get; }
}
