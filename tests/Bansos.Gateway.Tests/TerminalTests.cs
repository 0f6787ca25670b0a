using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bansos.Gateway.Tests.Support;
using Bansos.Protos.Gateway.V1;
using Bansos.Protos.Payout.V1;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Bansos.Gateway.Tests;

/// <summary>Enrolment, mutual TLS and what the gateway refuses from terminals.</summary>
public sealed class TerminalTests(GatewayStack stack) : IClassFixture<GatewayStack>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_enrolled_agent_calls_payout_over_mutual_TLS_as_its_terminal()
    {
        var (terminalId, certificate) = await Agent.EnrolAsync(stack, "Kasir mTLS");

        var ping = await new PayoutTerminalService.PayoutTerminalServiceClient(stack.Grpc(clientCertificate: certificate))
            .PingAsync(new PingRequest(), cancellationToken: Ct);

        Assert.Equal(terminalId, ping.TerminalId);
        Assert.Equal($"CN=terminal-{terminalId}", certificate.Subject);
        Assert.InRange(certificate.NotAfter.ToUniversalTime(), DateTime.UtcNow.AddDays(360), DateTime.UtcNow.AddDays(366));
    }

    [Fact]
    public async Task A_spoofed_identity_header_is_ignored_the_certificate_decides()
    {
        var (terminalId, certificate) = await Agent.EnrolAsync(stack, "Kasir spoof");
        var other = await Agent.RegisterTerminalAsync(stack, "Kasir lain");
        var headers = new Metadata
        {
            { "Authorization", "Bearer " + await stack.AdminTokenAsync() },
            { "X-Forwarded-Client-Cert", $"Hash=00;URI=urn:bansos:terminal:{other}" },
            { "X-Terminal-Id", other.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };

        var ping = await new PayoutTerminalService.PayoutTerminalServiceClient(stack.Grpc(clientCertificate: certificate))
            .PingAsync(new PingRequest(), headers, cancellationToken: Ct);

        Assert.Equal(terminalId, ping.TerminalId);
    }

    [Fact]
    public async Task An_enrolment_code_works_once()
    {
        var terminalId = await Agent.RegisterTerminalAsync(stack, "Kasir sekali");
        var code = await Agent.EnrolmentCodeAsync(stack, terminalId);
        var client = new TerminalEnrolmentService.TerminalEnrolmentServiceClient(stack.Grpc());

        var first = await client.EnrollAsync(new EnrollRequest { EnrolmentCode = code.ToLowerInvariant(), Csr = ByteString.CopyFrom(Agent.NewCsr().Csr) }, cancellationToken: Ct);
        var again = await Assert.ThrowsAsync<RpcException>(() =>
            client.EnrollAsync(new EnrollRequest { EnrolmentCode = code, Csr = ByteString.CopyFrom(Agent.NewCsr().Csr) }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(terminalId, first.TerminalId);
        Assert.Equal(StatusCode.Unauthenticated, again.StatusCode);
    }

    [Fact]
    public async Task An_expired_enrolment_code_is_refused()
    {
        var terminalId = await Agent.RegisterTerminalAsync(stack, "Kasir kedaluwarsa");
        var code = await Agent.EnrolmentCodeAsync(stack, terminalId);
        await using (var connection = await stack.Gateway.Services.GetRequiredService<Bansos.ServiceDefaults.Storage.IDatabase>().OpenConnectionAsync(Ct))
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE gateway_enrolment_codes SET expires_at = @past WHERE terminal_id = @terminalId",
                new { past = DateTimeOffset.UtcNow.AddMinutes(-1), terminalId });
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => new TerminalEnrolmentService.TerminalEnrolmentServiceClient(stack.Grpc())
            .EnrollAsync(new EnrollRequest { EnrolmentCode = code, Csr = ByteString.CopyFrom(Agent.NewCsr().Csr) }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Without_a_certificate_or_with_another_CAs_or_an_expired_one_a_terminal_is_refused()
    {
        var (terminalId, _) = await Agent.EnrolAsync(stack, "Kasir tolak");
        using var foreign = SelfIssued(terminalId, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), caKey: null);
        using var expired = SelfIssued(terminalId, DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-1), caKey: TerminalCaKey());

        foreach (var certificate in new X509Certificate2?[] { null, foreign, expired })
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => new PayoutTerminalService.PayoutTerminalServiceClient(stack.Grpc(clientCertificate: certificate))
                .PingAsync(new PingRequest(), cancellationToken: Ct).ResponseAsync);
            Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        }
    }

    [Fact]
    public async Task A_disabled_terminal_is_refused_within_seconds_and_cannot_renew()
    {
        var (terminalId, certificate) = await Agent.EnrolAsync(stack, "Kasir nonaktif");
        var terminal = new PayoutTerminalService.PayoutTerminalServiceClient(stack.Grpc(clientCertificate: certificate));
        await terminal.PingAsync(new PingRequest(), cancellationToken: Ct);

        using var admin = stack.Https(await stack.AdminTokenAsync());
        using var disabled = await admin.PostAsJsonAsync($"/api/v1/payout/terminals/{terminalId}/status",
            new { status = "TERMINAL_STATUS_DISABLED", reason = "uji" }, Ct);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);

        // Payout pushes the change to the gateway (D93): wait (bounded) for the refusal to arrive.
        StatusCode? refused = null;
        for (var attempt = 0; attempt < 100 && refused is null; attempt++)
        {
            try
            {
                await terminal.PingAsync(new PingRequest(), cancellationToken: Ct);
                await Task.Delay(200, Ct);
            }
            catch (RpcException ex)
            {
                refused = ex.StatusCode;
            }
        }

        Assert.Equal(StatusCode.Unauthenticated, refused);
        var renew = await Assert.ThrowsAsync<RpcException>(() => new TerminalEnrolmentService.TerminalEnrolmentServiceClient(stack.Grpc(clientCertificate: certificate))
            .RenewAsync(new RenewRequest { Csr = ByteString.CopyFrom(Agent.NewCsr().Csr) }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, renew.StatusCode);
    }

    [Fact]
    public async Task Renew_with_the_current_certificate_gives_a_new_one_for_a_new_key()
    {
        var (terminalId, certificate) = await Agent.EnrolAsync(stack, "Kasir renew");
        var (key, csr) = Agent.NewCsr();

        var renewed = await new TerminalEnrolmentService.TerminalEnrolmentServiceClient(stack.Grpc(clientCertificate: certificate))
            .RenewAsync(new RenewRequest { Csr = ByteString.CopyFrom(csr) }, cancellationToken: Ct);
        using var next = Agent.WithKey(renewed.Certificate.ToByteArray(), key);
        var ping = await new PayoutTerminalService.PayoutTerminalServiceClient(stack.Grpc(clientCertificate: next)).PingAsync(new PingRequest(), cancellationToken: Ct);

        Assert.Equal(terminalId, renewed.TerminalId);
        Assert.NotEqual(certificate.SerialNumber, next.SerialNumber);
        Assert.Equal(terminalId, ping.TerminalId);
    }

    [Fact]
    public async Task After_a_renewal_the_previous_certificate_is_refused_and_recorded_as_revoked()
    {
        var (terminalId, previous) = await Agent.EnrolAsync(stack, "Kasir cabut");
        var (key, csr) = Agent.NewCsr();
        var renewed = await new TerminalEnrolmentService.TerminalEnrolmentServiceClient(stack.Grpc(clientCertificate: previous))
            .RenewAsync(new RenewRequest { Csr = ByteString.CopyFrom(csr) }, cancellationToken: Ct);
        using var next = Agent.WithKey(renewed.Certificate.ToByteArray(), key);

        var ping = await Assert.ThrowsAsync<RpcException>(() => new PayoutTerminalService.PayoutTerminalServiceClient(stack.Grpc(clientCertificate: previous))
            .PingAsync(new PingRequest(), cancellationToken: Ct).ResponseAsync);
        var renewAgain = await Assert.ThrowsAsync<RpcException>(() => new TerminalEnrolmentService.TerminalEnrolmentServiceClient(stack.Grpc(clientCertificate: previous))
            .RenewAsync(new RenewRequest { Csr = ByteString.CopyFrom(Agent.NewCsr().Csr) }, cancellationToken: Ct).ResponseAsync);
        var stillWorks = await new PayoutTerminalService.PayoutTerminalServiceClient(stack.Grpc(clientCertificate: next)).PingAsync(new PingRequest(), cancellationToken: Ct);

        Assert.Equal(StatusCode.Unauthenticated, ping.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, renewAgain.StatusCode);
        Assert.Equal(terminalId, stillWorks.TerminalId);
        // In the gateway's store, so a restart or another instance on the same database refuses it too.
        await using var connection = await stack.Gateway.Services.GetRequiredService<Bansos.ServiceDefaults.Storage.IDatabase>().OpenConnectionAsync(Ct);
        var row = await Dapper.SqlMapper.QuerySingleAsync<(string Serial, string Reason)>(connection,
            "SELECT serial_number AS Serial, reason AS Reason FROM gateway_revoked_certificates WHERE thumbprint = @thumbprint",
            new { thumbprint = previous.GetCertHashString(HashAlgorithmName.SHA256) });
        Assert.Equal((previous.SerialNumber, "renewed"), row);
        Assert.Equal(0L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
            "SELECT COUNT(*) FROM gateway_revoked_certificates WHERE thumbprint = @thumbprint",
            new { thumbprint = next.GetCertHashString(HashAlgorithmName.SHA256) }));
    }

    [Fact]
    public async Task A_bearer_token_claiming_a_terminal_is_refused_at_the_gateway()
    {
        var terminalId = await Agent.RegisterTerminalAsync(stack, "Kasir bearer");

        var error = await Assert.ThrowsAsync<RpcException>(() => new PayoutTerminalService.PayoutTerminalServiceClient(stack.Grpc(GatewaySigned().Issue(
                $"terminal-{terminalId}", ["terminal"], TimeSpan.FromMinutes(5), new Dictionary<string, object> { ["terminal_id"] = terminalId.ToString(System.Globalization.CultureInfo.InvariantCulture) })))
            .PingAsync(new PingRequest(), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    private Bansos.Testing.TestTokenIssuer GatewaySigned()
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(Path.Combine(stack.DataDir, "token-signing.key")));
        return Bansos.Testing.TestTokenIssuer.FromKey(key);
    }

    private ECDsa TerminalCaKey()
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(Path.Combine(stack.DataDir, "terminal-ca.key")));
        return key;
    }

    /// <summary>A client certificate for the terminal signed by the terminal CA's key (caKey) or by a look-alike CA's (null).</summary>
    private static X509Certificate2 SelfIssued(long terminalId, DateTimeOffset notBefore, DateTimeOffset notAfter, ECDsa? caKey)
    {
        using var signer = caKey ?? ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=terminal-{terminalId}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddUri(new Uri($"urn:bansos:terminal:{terminalId}"));
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], true));
        using var issued = request.Create(new X500DistinguishedName("CN=Bansos Terminal CA"), X509SignatureGenerator.CreateForECDsa(signer),
            notBefore, notAfter, RandomNumberGenerator.GetBytes(8));
        return Agent.WithKey(issued.RawData, key);
    }
}
