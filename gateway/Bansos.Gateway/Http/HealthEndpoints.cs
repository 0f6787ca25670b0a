using Bansos.Gateway.Proxy;
using Microsoft.Extensions.Options;

namespace Bansos.Gateway.Http;

/// <summary><c>/healthz</c>: the gateway answers, with each backend's <c>/readyz</c>; <c>/readyz</c>: 503 unless every backend is ready.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapGatewayHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", async (IHttpClientFactory http, IOptions<GatewayOptions> options, CancellationToken ct) =>
            Results.Json(await ProbeAsync(http, options.Value, ct))).AllowAnonymous().ExcludeFromDescription();
        routes.MapGet("/readyz", async (IHttpClientFactory http, IOptions<GatewayOptions> options, CancellationToken ct) =>
        {
            var report = await ProbeAsync(http, options.Value, ct);
            return Results.Json(report, statusCode: report.Status == "ok" ? 200 : 503);
        }).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    private static async Task<HealthReport> ProbeAsync(IHttpClientFactory http, GatewayOptions options, CancellationToken ct)
    {
        using var client = http.CreateClient(nameof(HealthEndpoints));
        client.Timeout = TimeSpan.FromSeconds(3);
        var probes = GatewayRoutes.ServiceNames.Select(async name =>
        {
            try
            {
                using var response = await client.GetAsync(new Uri(new Uri(options.BackendFor(name).Http!), "/readyz"), ct);
                return (name, status: response.IsSuccessStatusCode ? "ok" : $"not ready ({(int)response.StatusCode})");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return (name, status: "unreachable");
            }
        });
        var results = await Task.WhenAll(probes);
        return new HealthReport(
            results.All(r => r.status == "ok") ? "ok" : "degraded",
            results.ToDictionary(r => r.name, r => r.status));
    }

    public sealed record HealthReport(string Status, IReadOnlyDictionary<string, string> Services);
}
