using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bansos.Agent.Configuration;
using Bansos.Agent.Connection;
using Bansos.Agent.Enrolment;
using Bansos.Agent.Tests.Support;
using Bansos.Protos.Payout.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bansos.Agent.Tests.Unit;

/// <summary>
/// The channel factory's normal case for real: a TLS server (standing in for the gateway's agent
/// port) that demands a client certificate from the terminal CA, reached with the enrolled
/// certificate; the server's own certificate is trusted only through the CA named at enrolment.
/// </summary>
public sealed class MutualTlsChannelTests : IAsyncLifetime
{
    private readonly TempFolder folder = new();
    private readonly TestCertificateAuthority terminalCa = new();
    private readonly ECDsa serverCaKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private X509Certificate2 serverCa = null!;
    private WebApplication server = null!;
    private Uri address = null!;

    public async ValueTask InitializeAsync()
    {
        var caRequest = new CertificateRequest("CN=Bansos test gateway CA", serverCaKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        serverCa = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var issued = serverRequest.Create(serverCa, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(30), RandomNumberGenerator.GetBytes(8));
        // Kestrel on Linux wants the key in a PKCS#12 round trip to use it for TLS.
        using var withKey = issued.CopyWithPrivateKey(serverKey);
        var serverCertificate = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificate = serverCertificate,
                ClientCertificateMode = ClientCertificateMode.RequireCertificate,
                ClientCertificateValidation = (certificate, _, _) =>
                {
                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(terminalCa.Certificate);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return chain.Build(certificate);
                },
            });
        }));
        server = builder.Build();
        server.MapGrpcService<PingByCertificate>();
        await server.StartAsync(TestContext.Current.CancellationToken);
        var port = new Uri(server.Urls.First()).Port;
        address = new Uri($"https://localhost:{port}");
    }

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        serverCa.Dispose();
        serverCaKey.Dispose();
        terminalCa.Dispose();
        folder.Dispose();
    }

    private async Task<TerminalCredentials> EnrolAsync()
    {
        var store = new TerminalCredentialStore(Path.Combine(folder.Path, "agent"));
        var answer = await new TerminalEnrolment(store, TimeProvider.System).EnrollAsync(new GatewayCaOverride(terminalCa, serverCa), terminalCa.ValidCode, TestContext.Current.CancellationToken);
        return answer;
    }

    [Fact]
    public async Task The_enrolled_certificate_opens_the_gateway()
    {
        var credentials = await EnrolAsync();
        using var channel = AgentChannels.ForTerminal(address, credentials, () => null);

        var ping = await new PayoutTerminalService.PayoutTerminalServiceClient(channel).PingAsync(new PingRequest(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(42, ping.TerminalId);
    }

    [Fact]
    public async Task A_gateway_certificate_from_another_CA_is_refused()
    {
        var credentials = await EnrolAsync();
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = new CertificateRequest("CN=other CA", otherKey, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var channel = AgentChannels.ForTerminal(address, credentials with { GatewayCa = other }, () => null);

        var e = await Assert.ThrowsAsync<RpcException>(() =>
            new PayoutTerminalService.PayoutTerminalServiceClient(channel).PingAsync(new PingRequest(), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
        // The TLS handshake fails on the agent's side: no request reaches the server.
        Assert.IsType<System.Security.Authentication.AuthenticationException>(e.Status.DebugException?.InnerException);
    }

    [Fact]
    public void An_https_gateway_without_enrolment_is_told_to_enrol()
    {
        var e = Assert.Throws<AgentSetupException>(() => AgentChannels.ForTerminal(address, null, () => "a token"));
        Assert.Equal(Messages.Msg.NotEnrolled, e.Notice.Id);
    }

    /// <summary>The terminal id from the client certificate's subject, as the gateway derives it.</summary>
    private sealed class PingByCertificate : PayoutTerminalService.PayoutTerminalServiceBase
    {
        public override Task<PingResponse> Ping(PingRequest request, ServerCallContext context)
        {
            var certificate = context.GetHttpContext().Connection.ClientCertificate ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "no certificate"));
            var id = long.Parse(certificate.GetNameInfo(X509NameType.SimpleName, false).Replace("terminal-", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
            return Task.FromResult(new PingResponse { TerminalId = id, ServerTime = Timestamp.FromDateTime(DateTime.UtcNow) });
        }
    }

    /// <summary>The enrolment answer names the gateway's TLS CA (not the terminal CA).</summary>
    private sealed class GatewayCaOverride(TestCertificateAuthority terminalCa, X509Certificate2 gatewayCa) : IEnrolmentClient
    {
        public async Task<Protos.Gateway.V1.TerminalCertificate> EnrollAsync(Protos.Gateway.V1.EnrollRequest request, CancellationToken cancellationToken)
        {
            var answer = await terminalCa.EnrollAsync(request, cancellationToken);
            answer.ServerCaCertificate = Google.Protobuf.ByteString.CopyFrom(gatewayCa.RawData);
            return answer;
        }

        public Task<Protos.Gateway.V1.TerminalCertificate> RenewAsync(Protos.Gateway.V1.RenewRequest request, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
