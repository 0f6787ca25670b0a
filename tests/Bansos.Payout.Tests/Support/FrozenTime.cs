namespace Bansos.Payout.Tests.Support;

/// <summary>A clock that stands still until a test moves it (timers stay real).</summary>
public sealed class FrozenTime : TimeProvider
{
    private long ticks = DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
