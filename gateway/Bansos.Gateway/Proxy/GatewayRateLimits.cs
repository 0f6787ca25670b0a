using System.Globalization;
using Bansos.Gateway.Domain;
using Bansos.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;

namespace Bansos.Gateway.Proxy;

/// <summary>
/// Fixed one-minute windows per caller (D27): a user (token subject), a terminal (its id), or for
/// sign-in a client address. An endpoint opts in with <see cref="RequireGatewayRateLimit"/>; a proxy
/// route names its policy in its metadata. Refusals are 429 problem details (REST) or gRPC
/// RESOURCE_EXHAUSTED. Our own counting instead of ASP.NET Core's rate limiter, whose partitioned
/// limiter wakes every 100 ms on an idle gateway (D98).
/// </summary>
public static class GatewayRateLimits
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services)
    {
        services.AddSingleton(sp => new RateWindows(Window, sp.GetRequiredService<TimeProvider>().TimestampFrequency));
        return services;
    }

    /// <summary>Counts each request of this endpoint (or group, or proxy route) against <paramref name="policy"/>.</summary>
    public static TBuilder RequireGatewayRateLimit<TBuilder>(this TBuilder builder, RateLimitPolicy policy)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new GatewayRateLimit(policy));

    /// <summary>After authentication: the partition is the caller the token names.</summary>
    public static IApplicationBuilder UseGatewayRateLimits(this IApplicationBuilder app)
    {
        var windows = app.ApplicationServices.GetRequiredService<RateWindows>();
        var time = app.ApplicationServices.GetRequiredService<TimeProvider>();
        var limits = app.ApplicationServices.GetRequiredService<IOptions<GatewayOptions>>().Value.RateLimits;
        return app.Use(async (context, next) =>
        {
            var policy = context.GetEndpoint()?.Metadata.GetMetadata<GatewayRateLimit>()?.Policy;
            if (policy is { } named)
            {
                var (key, limit) = Partition(context, named, limits);
                if (!windows.TryTake(key, limit, time.GetTimestamp(), out var retryAfter))
                {
                    await RefuseAsync(context, retryAfter, context.RequestAborted);
                    return;
                }
            }

            await next(context);
        });
    }

    private static (string Key, int Limit) Partition(HttpContext context, RateLimitPolicy policy, RateLimits limits)
    {
        var terminal = context.User.FindFirst(BansosClaims.TerminalId)?.Value;
        return policy switch
        {
            RateLimitPolicy.Caller when terminal is not null => ("terminal:" + terminal, limits.PerTerminalPerMinute),
            RateLimitPolicy.Caller => ("user:" + (context.User.FindFirst(BansosClaims.Subject)?.Value ?? Address(context)), limits.PerUserPerMinute),
            RateLimitPolicy.BeginPayout => ("begin:" + (terminal ?? Address(context)), limits.BeginPayoutPerTerminalPerMinute),
            RateLimitPolicy.SignIn => ("sign-in:" + Address(context), limits.SignInPerAddressPerMinute),
            _ => throw new InvalidOperationException($"Rate limit policy {policy} has no partition."),
        };
    }

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async Task RefuseAsync(HttpContext context, TimeSpan retryAfter, CancellationToken ct)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        const string message = "Terlalu banyak permintaan; coba lagi sebentar lagi (too many requests, try again shortly).";
        if (GatewayErrors.IsGrpc(context))
        {
            GatewayErrors.WriteGrpcStatus(context, 8 /* RESOURCE_EXHAUSTED */, message);
            return;
        }

        await GatewayErrors.WriteProblemAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests", message, ct);
    }
}
