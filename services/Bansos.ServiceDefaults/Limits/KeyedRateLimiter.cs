using System.Collections.Concurrent;

namespace Bansos.ServiceDefaults.Limits;

/// <summary>
/// One <see cref="IRateRule{TState}"/> state per key, with nothing running between requests
/// (docs/decisions.md D98, D100): the request that finds a sweep due, at most once per
/// <see cref="IRateRule{TState}.SweepEveryTicks"/>, drops the keys that a new key would equal, so
/// keys from an unbounded space (client addresses, users) do not pile up and an idle service has no
/// timer to wake for. One dictionary read and an uncontended lock per request.
/// </summary>
public sealed class KeyedRateLimiter<TKey, TState>(IRateRule<TState> rule, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
    where TState : struct
{
    private readonly ConcurrentDictionary<TKey, Slot> slots = new(comparer);
    private long nextSweep = long.MinValue;

    /// <summary>How many keys hold a state now (forgettable ones included until the next sweep).</summary>
    public int Count => slots.Count;

    /// <summary>Counts one request of <paramref name="key"/> at <paramref name="now"/>: true if allowed, else false with the ticks to wait.</summary>
    public bool TryTake(TKey key, long now, out long waitTicks)
    {
        SweepIfDue(now);
        while (true)
        {
            var slot = slots.GetOrAdd(key, static (_, state) => new Slot(state.rule.Open(state.now)), (rule, now));
            lock (slot)
            {
                if (slot.Dropped)
                {
                    continue; // a sweep took it out after the lookup: take the key's new slot
                }

                return rule.TryTake(ref slot.State, now, out waitTicks);
            }
        }
    }

    private void SweepIfDue(long now)
    {
        var due = Interlocked.Read(ref nextSweep);
        if (now < due || Interlocked.CompareExchange(ref nextSweep, now + rule.SweepEveryTicks, due) != due)
        {
            return;
        }

        foreach (var (key, slot) in slots)
        {
            lock (slot)
            {
                if (rule.IsForgettable(slot.State, now))
                {
                    slot.Dropped = true;
                    slots.TryRemove(new KeyValuePair<TKey, Slot>(key, slot));
                }
            }
        }
    }

    private sealed class Slot(TState state)
    {
        public TState State = state;
        public bool Dropped;
    }
}
