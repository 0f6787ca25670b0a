using System.Net;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Bansos.Gateway.Proxy;

/// <summary>
/// The route table: REST under <c>/api/v1/&lt;service&gt;/</c> to each service's HTTP/1.1
/// (JSON transcoding) port, gRPC (<c>/bansos.&lt;service&gt;.v1.&lt;Service&gt;/&lt;Method&gt;</c>)
/// to its h2c port, each group with its policy and rate limit; uploads may be 100 MB, streamed.
/// </summary>
public static class GatewayRoutes
{
    /// <summary>The route metadata key naming a route's <see cref="RateLimitPolicy"/>.</summary>
    public const string RateLimitKey = "RateLimit";

    public static readonly IReadOnlyList<string> ServiceNames = ["registry", "payout", "complaint"];

    public static (IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters) Build(GatewayOptions options)
    {
        List<RouteConfig> routes =
        [
            Rest("registry", GatewayPolicies.Registry),
            Rest("payout", GatewayPolicies.Payout),
            Rest("complaint", GatewayPolicies.Complaint),
            // The CSV upload: streamed through (YARP never buffers a body), up to the upload limit.
            Route("registry-import-rest", "/api/v1/registry/imports", "registry-http", GatewayPolicies.Admin, order: -1) with
            {
                MaxRequestBodySize = options.MaxUploadBytes,
            },
            Grpc("registry", "/bansos.registry.v1.{service}/{method}", GatewayPolicies.Registry),
            Grpc("registry-import", "/bansos.registry.v1.ImportService/{method}", GatewayPolicies.Admin, order: -1) with
            {
                MaxRequestBodySize = options.MaxUploadBytes,
            },
            Grpc("payout", "/bansos.payout.v1.{service}/{method}", GatewayPolicies.Payout),
            Grpc("payout-terminal", "/bansos.payout.v1.PayoutTerminalService/{method}", GatewayPolicies.PayoutTerminal, order: -1),
            Grpc("payout-begin", "/bansos.payout.v1.PayoutTerminalService/BeginPayout", GatewayPolicies.PayoutTerminal, order: -2) with
            {
                Metadata = RateLimit(RateLimitPolicy.BeginPayout),
            },
            Grpc("complaint", "/bansos.complaint.v1.{service}/{method}", GatewayPolicies.Complaint),
        ];

        List<ClusterConfig> clusters = [];
        foreach (var service in ServiceNames)
        {
            var backend = options.BackendFor(service);
            clusters.Add(Cluster($"{service}-http", backend.Http!, HttpVersion.Version11));
            clusters.Add(Cluster($"{service}-grpc", backend.Grpc!, HttpVersion.Version20));
        }

        return (routes, clusters);
    }

    private static RouteConfig Rest(string service, string policy) =>
        Route($"{service}-rest", $"/api/v1/{service}/{{**rest}}", $"{service}-http", policy);

    private static RouteConfig Grpc(string id, string path, string policy, int order = 0) =>
        Route($"{id}-grpc", path, $"{id.Split('-')[0]}-grpc", policy, order) with
        {
            Match = new RouteMatch { Path = path, Methods = ["POST"] },
        };

    private static RouteConfig Route(string id, string path, string cluster, string policy, int order = 0) => new()
    {
        RouteId = id,
        ClusterId = cluster,
        Order = order,
        Match = new RouteMatch { Path = path },
        AuthorizationPolicy = policy,
        Metadata = RateLimit(RateLimitPolicy.Caller),
    };

    private static Dictionary<string, string> RateLimit(RateLimitPolicy policy) => new() { [RateLimitKey] = policy.ToString() };

    // Cleartext to loopback: HTTP/1.1 for REST, HTTP/2 with prior knowledge (h2c) for gRPC.
    private static ClusterConfig Cluster(string id, string address, Version version) => new()
    {
        ClusterId = id,
        Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = address } },
        HttpRequest = new ForwarderRequestConfig
        {
            Version = version,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            ActivityTimeout = TimeSpan.FromMinutes(5),
        },
    };
}
