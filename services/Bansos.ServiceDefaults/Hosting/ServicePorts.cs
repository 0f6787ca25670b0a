namespace Bansos.ServiceDefaults.Hosting;

/// <summary>
/// A service's two cleartext ports: gRPC over h2c (HTTP/2 only; cleartext cannot negotiate both
/// protocols on one port) and HTTP/1.1 for REST/JSON transcoding and probes.
/// </summary>
public sealed record ServicePorts(int Grpc, int Http)
{
    /// <summary>The defaults of the services we know; others use 5100/5200 unless configured.</summary>
    public static ServicePorts DefaultFor(string serviceName) => serviceName.ToUpperInvariant() switch
    {
        "REGISTRY" => new(5101, 5201),
        "PAYOUT" => new(5102, 5202),
        "COMPLAINT" => new(5103, 5203),
        _ => new(5100, 5200),
    };
}
