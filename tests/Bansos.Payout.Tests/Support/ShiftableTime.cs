namespace Bansos.Payout.Tests.Support;

/// <summary>The real clock plus an offset a test moves forward (timers stay real).</summary>
public sealed class ShiftableTime : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}
