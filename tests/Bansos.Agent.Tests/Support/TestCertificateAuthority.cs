using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bansos.Agent.Enrolment;
using Bansos.Protos.Gateway.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Bansos.Agent.Tests.Support;

/// <summary>The gateway's side of enrolment in memory: a terminal CA that signs what the agent's CSR asks for.</summary>
internal sealed class TestCertificateAuthority : IEnrolmentClient, IDisposable
{
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public TestCertificateAuthority()
    {
        var request = new CertificateRequest("CN=Bansos test terminal CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
    }

    public X509Certificate2 Certificate { get; }

    public string ValidCode { get; set; } = "K7Q2-9XWA";

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(365);

    public List<byte[]> Csrs { get; } = [];

    public Task<TerminalCertificate> EnrollAsync(EnrollRequest request, CancellationToken cancellationToken) =>
        request.EnrolmentCode == ValidCode
            ? Task.FromResult(Sign(request.Csr.ToByteArray(), 42))
            : throw new RpcException(new Status(StatusCode.PermissionDenied, "bad code"));

    public Task<TerminalCertificate> RenewAsync(RenewRequest request, CancellationToken cancellationToken) => Task.FromResult(Sign(request.Csr.ToByteArray(), 42));

    /// <summary>A leaf for the CSR's key, client authentication, as the gateway would issue it.</summary>
    public TerminalCertificate Sign(byte[] csr, long terminalId)
    {
        Csrs.Add(csr);
        var request = CertificateRequest.LoadSigningRequest(csr, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        var leaf = new CertificateRequest(new X500DistinguishedName($"CN=terminal-{terminalId}"), request.PublicKey, HashAlgorithmName.SHA256);
        leaf.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var certificate = leaf.Create(Certificate, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow + Lifetime, RandomNumberGenerator.GetBytes(8));
        return new TerminalCertificate
        {
            TerminalId = terminalId,
            Certificate = ByteString.CopyFrom(certificate.RawData),
            NotAfter = Timestamp.FromDateTimeOffset(certificate.NotAfter.ToUniversalTime()),
            ServerCaCertificate = ByteString.CopyFrom(Certificate.RawData),
        };
    }

    public void Dispose()
    {
        Certificate.Dispose();
        key.Dispose();
    }
}
