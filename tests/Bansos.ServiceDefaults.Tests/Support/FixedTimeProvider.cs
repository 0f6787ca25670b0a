namespace Bansos.ServiceDefaults.Tests.Support;

/// <summary>A clock stopped at one instant (for tokens minted in the past).</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
