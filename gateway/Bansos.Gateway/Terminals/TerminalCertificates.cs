using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bansos.Gateway.Pki;
using Bansos.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace Bansos.Gateway.Terminals;

/// <summary>
/// The terminal CA's two jobs: sign an agent's CSR into a client certificate bound to its
/// terminal id (subject <c>CN=terminal-&lt;id&gt;</c> and SAN URI <c>urn:bansos:terminal:&lt;id&gt;</c>,
/// client-auth only), and tell which terminal a presented certificate belongs to (chain to this CA
/// only, within its validity).
/// </summary>
public sealed class TerminalCertificates(GatewayPki pki, IOptions<GatewayOptions> options, TimeProvider time)
{
    private const string UriPrefix = "urn:bansos:terminal:";
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");

    /// <summary>Certificates whose chain was checked, by object: an entry goes with its connection's certificate.</summary>
    private readonly ConditionalWeakTable<X509Certificate2, Accepted> accepted = new();

    public X509Certificate2 Sign(long terminalId, byte[] csrDer)
    {
        CertificateRequest csr;
        try
        {
            // Checks the CSR's own signature: the agent holds the private key it asks a certificate for.
            csr = CertificateRequest.LoadSigningRequest(csrDer, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.Default);
        }
        catch (CryptographicException ex)
        {
            throw new ValidationException("csr", $"CSR tidak valid (not a valid PKCS#10 request): {ex.Message}");
        }

        var id = terminalId.ToString(CultureInfo.InvariantCulture);
        var request = new CertificateRequest(new X500DistinguishedName($"CN=terminal-{id}"), csr.PublicKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddUri(new Uri(UriPrefix + id));
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ClientAuth], true));
        var now = time.GetUtcNow();
        // Five minutes back for agents' clocks a little behind, but never before the CA itself (a CA
        // made at this start would refuse to sign).
        var caNotBefore = new DateTimeOffset(pki.TerminalCa.NotBefore.ToUniversalTime());
        var notBefore = now.AddMinutes(-5) < caNotBefore ? caNotBefore : now.AddMinutes(-5);
        return request.Create(pki.TerminalCa, notBefore, now + options.Value.TerminalCertificateLifetime, RandomNumberGenerator.GetBytes(16));
    }

    /// <summary>The terminal id of a certificate issued by the terminal CA and valid now; otherwise why not.</summary>
    public (long? TerminalId, string? Problem) Identify(X509Certificate2 certificate)
    {
        // An agent's HTTP/2 connection carries one certificate object for all its calls: the chain is
        // built once per connection (a chain build per call cost as much as the proxying itself);
        // the validity window is checked on every call.
        var now = time.GetUtcNow();
        if (accepted.TryGetValue(certificate, out var known))
        {
            return now >= known.NotBefore && now <= known.NotAfter
                ? (known.TerminalId, null)
                : (null, "certificate not accepted: NotTimeValid");
        }

        var (terminalId, problem) = IdentifyByChain(certificate);
        if (terminalId is { } id)
        {
            accepted.AddOrUpdate(certificate, new Accepted(id, new DateTimeOffset(certificate.NotBefore.ToUniversalTime()), new DateTimeOffset(certificate.NotAfter.ToUniversalTime())));
        }

        return (terminalId, problem);
    }

    private (long? TerminalId, string? Problem) IdentifyByChain(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(pki.TerminalCa);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = time.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.ApplicationPolicy.Add(ClientAuth);
        if (!chain.Build(certificate))
        {
            return (null, "certificate not accepted: " + string.Join(", ", chain.ChainStatus.Select(s => s.Status)));
        }

        if (chain.ChainElements[^1].Certificate.Thumbprint != pki.TerminalCa.Thumbprint)
        {
            return (null, "certificate not issued by the terminal CA");
        }

        foreach (var extension in certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>())
        {
            foreach (var uri in EnumerateUris(extension))
            {
                if (uri.StartsWith(UriPrefix, StringComparison.Ordinal) &&
                    long.TryParse(uri.AsSpan(UriPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    return (id, null);
                }
            }
        }

        return (null, "certificate names no terminal");
    }

    private sealed record Accepted(long TerminalId, DateTimeOffset NotBefore, DateTimeOffset NotAfter);

    private static IEnumerable<string> EnumerateUris(X509SubjectAlternativeNameExtension extension)
    {
        // .NET exposes DNS names and IP addresses only; URIs are read from the raw GeneralNames.
        var reader = new System.Formats.Asn1.AsnReader(extension.RawData, System.Formats.Asn1.AsnEncodingRules.DER);
        var names = reader.ReadSequence();
        var uriTag = new System.Formats.Asn1.Asn1Tag(System.Formats.Asn1.TagClass.ContextSpecific, 6);
        while (names.HasData)
        {
            var tag = names.PeekTag();
            if (tag.HasSameClassAndValue(uriTag))
            {
                yield return names.ReadCharacterString(System.Formats.Asn1.UniversalTagNumber.IA5String, uriTag);
            }
            else
            {
                names.ReadEncodedValue();
            }
        }
    }
}
