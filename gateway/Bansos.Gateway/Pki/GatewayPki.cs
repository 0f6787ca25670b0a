using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Bansos.Gateway.Pki;

/// <summary>
/// The gateway's key material: the CA that signs its TLS certificate, that certificate, the
/// terminal CA that signs agents' client certificates, and the token signing key (P-256 all).
/// Files given by <see cref="PkiPaths"/> are used as they are; missing default files are
/// generated at first start in the data folder (0700, keys 0600). Loaded once at start-up.
/// </summary>
public sealed class GatewayPki : IDisposable
{
    private GatewayPki(X509Certificate2 serverCa, X509Certificate2 serverCertificate, X509Certificate2 terminalCa, ECDsa tokenSigningKey)
    {
        ServerCa = serverCa;
        ServerCertificate = serverCertificate;
        TerminalCa = terminalCa;
        TokenSigningKey = tokenSigningKey;
    }

    /// <summary>Public only: agents pin it.</summary>
    public X509Certificate2 ServerCa { get; }

    /// <summary>With its private key (Kestrel's TLS certificate).</summary>
    public X509Certificate2 ServerCertificate { get; }

    /// <summary>With its private key (signs terminal certificates).</summary>
    public X509Certificate2 TerminalCa { get; }

    public ECDsa TokenSigningKey { get; }

    public static GatewayPki LoadOrCreate(string dataDir, PkiPaths paths, IEnumerable<string> serverNames, ILogger logger)
    {
        SecretFiles.EnsureDirectory(dataDir);
        string P(string? configured, string name) => configured ?? Path.Combine(dataDir, name);

        using var serverCa = LoadOrCreateCa(P(paths.ServerCaCertificate, "server-ca.crt"), P(paths.ServerCaKey, "server-ca.key"), "Bansos Gateway Server CA", logger);
        var serverCertificatePath = P(paths.ServerCertificate, "server.crt");
        var serverKeyPath = P(paths.ServerKey, "server.key");
        if (!File.Exists(serverCertificatePath))
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var issued = IssueServerCertificate(serverCa, key, serverNames);
            SecretFiles.WriteSecret(serverKeyPath, key.ExportPkcs8PrivateKeyPem());
            SecretFiles.WritePublic(serverCertificatePath, issued.ExportCertificatePem());
            logger.LogInformation("Generated the gateway's TLS certificate {Path}", serverCertificatePath);
        }

        var terminalCa = LoadOrCreateCa(P(paths.TerminalCaCertificate, "terminal-ca.crt"), P(paths.TerminalCaKey, "terminal-ca.key"), "Bansos Terminal CA", logger);
        var signingKeyPath = P(paths.TokenSigningKey, "token-signing.key");
        if (!File.Exists(signingKeyPath))
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            SecretFiles.WriteSecret(signingKeyPath, key.ExportPkcs8PrivateKeyPem());
            logger.LogInformation("Generated the token signing key {Path}", signingKeyPath);
        }

        // Kestrel on Linux wants the key in an exportable, ephemeral-free form: round-trip through PKCS#12.
        using var pem = X509Certificate2.CreateFromPemFile(serverCertificatePath, serverKeyPath);
        var server = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        return new GatewayPki(
            X509CertificateLoader.LoadCertificate(serverCa.RawData), server, terminalCa, SecretFiles.ReadKey(signingKeyPath));
    }

    private static X509Certificate2 LoadOrCreateCa(string certificatePath, string keyPath, string name, ILogger logger)
    {
        if (!File.Exists(certificatePath))
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            var now = DateTimeOffset.UtcNow;
            using var ca = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));
            SecretFiles.WriteSecret(keyPath, key.ExportPkcs8PrivateKeyPem());
            SecretFiles.WritePublic(certificatePath, ca.ExportCertificatePem());
            logger.LogInformation("Generated {Name} {Path}", name, certificatePath);
        }

        return X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
    }

    private static X509Certificate2 IssueServerCertificate(X509Certificate2 ca, ECDsa key, IEnumerable<string> serverNames)
    {
        var request = new CertificateRequest("CN=bansos-gateway", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var dns in new[] { "localhost", Dns.GetHostName() }.Concat(serverNames).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            names.AddDnsName(dns);
        }

        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        return request.Create(ca, now.AddMinutes(-5), now.AddYears(2), RandomNumberGenerator.GetBytes(16));
    }

    public void Dispose()
    {
        ServerCa.Dispose();
        ServerCertificate.Dispose();
        TerminalCa.Dispose();
        TokenSigningKey.Dispose();
    }
}
