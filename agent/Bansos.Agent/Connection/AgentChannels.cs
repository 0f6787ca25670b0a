using System.Net.Http.Headers;
using System.Net.Security;
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
        handler.SslOptions.RemoteCertificateValidationCallback = TrustOnly(credentials.GatewayCa);
        return GrpcChannel.ForAddress(gateway, new GrpcChannelOptions { HttpHandler = handler });
    }

    /// <summary>For Enroll: TLS without a client certificate, trusting <paramref name="gatewayCa"/> if given, else the system's roots.</summary>
    public static GrpcChannel ForEnrolment(Uri gateway, X509Certificate2? gatewayCa)
    {
        if (gateway.Scheme == Uri.UriSchemeHttp) return GrpcChannel.ForAddress(gateway);
        var handler = NewHandler();
        if (gatewayCa is not null) handler.SslOptions.RemoteCertificateValidationCallback = TrustOnly(gatewayCa);
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

    /// <summary>The gateway's certificate must match its host name and chain to the CA named at enrolment (not the system's roots).</summary>
    private static RemoteCertificateValidationCallback TrustOnly(X509Certificate2 root) => (_, certificate, _, errors) =>
    {
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    };

    private sealed class BearerHandler(string token, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
