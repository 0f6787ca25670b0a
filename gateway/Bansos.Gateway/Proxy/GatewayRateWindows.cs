using Bansos.ServiceDefaults.Auth;
using Bansos.ServiceDefaults.Limits;

namespace Bansos.Gateway.Proxy;

/// <summary>
/// The gateway's limits of D27 as one-minute fixed windows, one limiter per kind of caller key: a
/// terminal (its id), a user (token subject, else the client address), a terminal's BeginPayout,
/// and sign-in per client address. Counted by ServiceDefaults' <see cref="KeyedRateLimiter{TKey, TState}"/>
/// with no timer (docs/decisions.md D98, D100).
/// </summary>
public sealed class GatewayRateWindows
{
    private readonly long ticksPerSecond;
    private readonly KeyedRateLimiter<string, FixedWindowRule.Window> terminals;
    private readonly KeyedRateLimiter<string, FixedWindowRule.Window> users;
    private readonly KeyedRateLimiter<string, FixedWindowRule.Window> beginPayouts;
    private readonly KeyedRateLimiter<string, FixedWindowRule.Window> signIns;

    public GatewayRateWindows(RateLimits limits, TimeSpan window, long ticksPerSecond)
    {
        this.ticksPerSecond = ticksPerSecond;
        var windowTicks = checked((long)(window.TotalSeconds * ticksPerSecond));
        terminals = Limiter(windowTicks, limits.PerTerminalPerMinute);
        users = Limiter(windowTicks, limits.PerUserPerMinute);
        beginPayouts = Limiter(windowTicks, limits.BeginPayoutPerTerminalPerMinute);
        signIns = Limiter(windowTicks, limits.SignInPerAddressPerMinute);
    }

    /// <summary>Counts the request against <paramref name="policy"/>'s window for its caller: false with the wait when it is over.</summary>
    public bool TryTake(HttpContext context, RateLimitPolicy policy, long now, out TimeSpan retryAfter)
    {
        var terminal = context.User.FindFirst(BansosClaims.TerminalId)?.Value;
        var (limiter, key) = policy switch
        {
            RateLimitPolicy.Caller when terminal is not null => (terminals, terminal),
            RateLimitPolicy.Caller => (users, context.User.FindFirst(BansosClaims.Subject)?.Value ?? Address(context)),
            RateLimitPolicy.BeginPayout => (beginPayouts, terminal ?? Address(context)),
            RateLimitPolicy.SignIn => (signIns, Address(context)),
            _ => throw new InvalidOperationException($"Rate limit policy {policy} has no partition."),
        };

        var allowed = limiter.TryTake(key, now, out var waitTicks);
        retryAfter = TimeSpan.FromSeconds((double)waitTicks / ticksPerSecond);
        return allowed;
    }

    private static KeyedRateLimiter<string, FixedWindowRule.Window> Limiter(long windowTicks, int limit) =>
        new(new FixedWindowRule(windowTicks, limit), StringComparer.Ordinal);

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
