namespace Bansos.ServiceDefaults.Limits;

/// <summary>
/// A token bucket per key in whole ticks (the payout service's BeginPayout lookups): each take costs
/// <see cref="CostTicks"/> of credit, credit grows one tick per tick of time up to
/// <see cref="CapacityTicks"/>. Integer arithmetic, so a clock that moves by exactly one interval
/// gives exactly one take back; a clock that goes back gives nothing.
/// </summary>
public sealed class TokenBucketRule(long costTicks, long capacityTicks) : IRateRule<TokenBucketRule.Bucket>
{
    public long CostTicks { get; } = costTicks > 0 ? costTicks : throw new ArgumentOutOfRangeException(nameof(costTicks));

    public long CapacityTicks { get; } = capacityTicks >= costTicks ? capacityTicks : throw new ArgumentOutOfRangeException(nameof(capacityTicks));

    /// <summary>A bucket refilled to <paramref name="burst"/> takes, one take back every <paramref name="interval"/> ticks.</summary>
    public static TokenBucketRule Of(int burst, long interval) => new(interval, checked(interval * burst));

    public long SweepEveryTicks => CapacityTicks;

    public Bucket Open(long now) => new(CapacityTicks, now);

    public bool TryTake(ref Bucket state, long now, out long waitTicks)
    {
        state = Refilled(state, now);
        if (state.Credit < CostTicks)
        {
            waitTicks = CostTicks - state.Credit;
            return false;
        }

        state = state with { Credit = state.Credit - CostTicks };
        waitTicks = 0;
        return true;
    }

    public bool IsForgettable(in Bucket state, long now) => Refilled(state, now).Credit >= CapacityTicks;

    private Bucket Refilled(Bucket state, long now) =>
        now > state.LastTicks ? new Bucket(Math.Min(CapacityTicks, state.Credit + (now - state.LastTicks)), now) : state;

    /// <summary>The credit in ticks, as of <see cref="LastTicks"/>.</summary>
    public readonly record struct Bucket(long Credit, long LastTicks);
}
