using System.Globalization;
using Microsoft.Extensions.Options;

namespace Bansos.Gateway.Proxy;

/// <summary>
/// Fixed one-minute windows per caller (D27), counted by <see cref="GatewayRateWindows"/>. An
/// endpoint opts in with <see cref="RequireGatewayRateLimit"/>; a proxy route names its policy in
/// its metadata. Refusals are 429 problem details (REST) or gRPC RESOURCE_EXHAUSTED. Our own
/// counting instead of ASP.NET Core's rate limiter, whose partitioned limiter wakes every 100 ms on
/// an idle gateway (D98).
/// </summary>
public static class GatewayRateLimits
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services)
    {
        services.AddSingleton(sp => new GatewayRateWindows(
            sp.GetRequiredService<IOptions<GatewayOptions>>().Value.RateLimits, Window, sp.GetRequiredService<TimeProvider>().TimestampFrequency));
        return services;
    }

    /// <summary>Counts each request of this endpoint (or group, or proxy route) against <paramref name="policy"/>.</summary>
    public static TBuilder RequireGatewayRateLimit<TBuilder>(this TBuilder builder, RateLimitPolicy policy)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new GatewayRateLimit(policy));

    /// <summary>After authentication: the partition is the caller the token names.</summary>
    public static IApplicationBuilder UseGatewayRateLimits(this IApplicationBuilder app)
    {
        var windows = app.ApplicationServices.GetRequiredService<GatewayRateWindows>();
        var time = app.ApplicationServices.GetRequiredService<TimeProvider>();
        return app.Use(async (context, next) =>
        {
            var policy = context.GetEndpoint()?.Metadata.GetMetadata<GatewayRateLimit>()?.Policy;
            if (policy is { } named)
            {
                if (!windows.TryTake(context, named, time.GetTimestamp(), out var retryAfter))
                {
                    await RefuseAsync(context, retryAfter, context.RequestAborted);
                    return;
                }
            }

            await next(context);
        });
    }

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
