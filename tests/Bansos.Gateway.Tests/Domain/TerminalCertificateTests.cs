using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bansos.Gateway.Pki;
using Bansos.Gateway.Terminals;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bansos.Gateway.Tests.Domain;

/// <summary>
/// Which terminal a client certificate names, on the gateway's clock: the chain is built once per
/// certificate object (one per agent connection), the validity window checked on every call.
/// </summary>
public sealed class TerminalCertificateTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("bansos-terminal-certs");
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly GatewayPki pki;
    private readonly TerminalCertificates certificates;

    public TerminalCertificateTests()
    {
        pki = GatewayPki.LoadOrCreate(folder.FullName, new PkiPaths(), [], NullLogger.Instance);
        certificates = new TerminalCertificates(pki, Options.Create(new GatewayOptions()), clock);
    }

    [Fact]
    public void A_certificate_of_the_terminal_CA_names_its_terminal_on_every_call()
    {
        using var certificate = Issue(41);

        Assert.Equal((41L, (string?)null), certificates.Identify(certificate));
        Assert.Equal((41L, (string?)null), certificates.Identify(certificate));
    }

    [Fact]
    public void A_certificate_accepted_before_is_refused_once_it_has_expired()
    {
        using var certificate = Issue(42);
        Assert.Equal(42L, certificates.Identify(certificate).TerminalId);

        clock.Advance(TimeSpan.FromDays(366)); // past the one-year lifetime, on the same connection

        var (terminalId, problem) = certificates.Identify(certificate);
        Assert.Null(terminalId);
        Assert.Contains("NotTimeValid", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_of_another_CA_is_refused_every_time()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=terminal-43", caKey, HashAlgorithmName.SHA256);
        using var foreign = request.CreateSelfSigned(clock.GetUtcNow().AddDays(-1), clock.GetUtcNow().AddDays(30));

        Assert.Null(certificates.Identify(foreign).TerminalId);
        Assert.Null(certificates.Identify(foreign).TerminalId);
    }

    private X509Certificate2 Issue(long terminalId)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var csr = new CertificateRequest("CN=agent", key, HashAlgorithmName.SHA256).CreateSigningRequest();
        return certificates.Sign(terminalId, csr);
    }

    public void Dispose()
    {
        pki.Dispose();
        folder.Delete(recursive: true);
    }
}
