using System.Globalization;
using System.Threading.RateLimiting;
using Bansos.ServiceDefaults.Auth;
using Microsoft.AspNetCore.RateLimiting;

namespace Bansos.Gateway.Proxy;

/// <summary>
/// Fixed one-minute windows per caller: a user (token subject), a terminal (its id), or for
/// sign-in a client address. Refusals are 429 problem details (REST) or gRPC RESOURCE_EXHAUSTED.
/// </summary>
public static class GatewayRateLimits
{
    public const string SignIn = "sign-in";

    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services, RateLimits limits)
    {
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(GatewayRoutes.CallerLimit, context =>
            {
                var terminal = context.User.FindFirst(BansosClaims.TerminalId)?.Value;
                return terminal is not null
                    ? Window("terminal:" + terminal, limits.PerTerminalPerMinute)
                    : Window("user:" + (context.User.FindFirst(BansosClaims.Subject)?.Value ?? Address(context)), limits.PerUserPerMinute);
            });
            options.AddPolicy(GatewayRoutes.BeginPayoutLimit, context =>
                Window("begin:" + (context.User.FindFirst(BansosClaims.TerminalId)?.Value ?? Address(context)), limits.BeginPayoutPerTerminalPerMinute));
            options.AddPolicy(SignIn, context => Window("sign-in:" + Address(context), limits.SignInPerAddressPerMinute));
            options.OnRejected = (rejected, ct) => Refuse(rejected.HttpContext, rejected.Lease, ct);
        });
        return services;
    }

    private static RateLimitPartition<string> Window(string key, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask Refuse(HttpContext context, RateLimitLease lease, CancellationToken ct)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        const string message = "Terlalu banyak permintaan; coba lagi sebentar lagi (too many requests, try again shortly).";
        if (GatewayErrors.IsGrpc(context))
        {
            GatewayErrors.WriteGrpcStatus(context, 8 /* RESOURCE_EXHAUSTED */, message);
            return;
        }

        await GatewayErrors.WriteProblemAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests", message, ct);
    }
}
