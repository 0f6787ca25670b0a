using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Bansos.Agent.Connection;

/// <summary>
/// How a terminal-side program checks the gateway: its certificate must match its host name and
/// chain to the CA named at enrolment (not the system's roots). Compiled into bansos-agent and,
/// linked, into bansos-pcsc, so both check the gateway alike.
/// </summary>
internal static class GatewayTrust
{
    public static RemoteCertificateValidationCallback TrustOnly(X509Certificate2 root) => (_, certificate, _, errors) =>
    {
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    };
}
