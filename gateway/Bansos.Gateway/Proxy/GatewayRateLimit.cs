namespace Bansos.Gateway.Proxy;

/// <summary>Endpoint metadata: the request is counted against <see cref="Policy"/>.</summary>
public sealed record GatewayRateLimit(RateLimitPolicy Policy);
