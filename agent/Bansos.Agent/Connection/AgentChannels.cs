using System.Security.Cryptography.X509Certificates;
using Bansos.Agent.Configuration;
using Bansos.Agent.Enrolment;
using Bansos.Agent.Messages;
using Grpc.Net.Client;

namespace Bansos.Agent.Connection;

/// <summary>
/// The one place gRPC channels are made. Normally mutual TLS to the gateway with the enrolled
/// certificate, the gateway's certificate checked against the CA it gave at enrolment; for
/// development and tests a plain h2c address with a bearer token from the environment.
/// </summary>
public static class AgentChannels
{
    public static GrpcChannel ForTerminal(Uri gateway, TerminalCredentials? credentials, Func<string?> developmentToken)
    {
        if (gateway.Scheme == Uri.UriSchemeHttp)
        {
            var token = developmentToken() is { Length: > 0 } given ? given : throw new AgentSetupException(Notice.Error(Msg.TokenMissing, gateway));
            return GrpcChannel.ForAddress(gateway, new GrpcChannelOptions { HttpHandler = new BearerHandler(token, NewHandler()) });
        }
        if (gateway.Scheme != Uri.UriSchemeHttps) throw new AgentSetupException(Notice.Error(Msg.AddressInvalid, gateway));
        if (credentials is null) throw new AgentSetupException(Notice.Error(Msg.NotEnrolled));
        var handler = NewHandler();
        handler.SslOptions.ClientCertificates = [credentials.Certificate];
        handler.SslOptions.RemoteCertificateValidationCallback = GatewayTrust.TrustOnly(credentials.GatewayCa);
        return GrpcChannel.ForAddress(gateway, new GrpcChannelOptions { HttpHandler = handler });
    }

    /// <summary>For Enroll: TLS without a client certificate, trusting <paramref name="gatewayCa"/> if given, else the system's roots.</summary>
    public static GrpcChannel ForEnrolment(Uri gateway, X509Certificate2? gatewayCa)
    {
        if (gateway.Scheme == Uri.UriSchemeHttp) return GrpcChannel.ForAddress(gateway);
        var handler = NewHandler();
        if (gatewayCa is not null) handler.SslOptions.RemoteCertificateValidationCallback = GatewayTrust.TrustOnly(gatewayCa);
        return GrpcChannel.ForAddress(gateway, new GrpcChannelOptions { HttpHandler = handler });
    }

    private static SocketsHttpHandler NewHandler() => new()
    {
        ConnectTimeout = TimeSpan.FromSeconds(10),
        // Notices a dead connection (a posko's mobile link) instead of waiting on it.
        KeepAlivePingDelay = TimeSpan.FromSeconds(30),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
        EnableMultipleHttp2Connections = true,
    };
}
