using System.Security.Cryptography.X509Certificates;

namespace Bansos.Agent.Enrolment;

/// <summary>The enrolled terminal: its certificate with the private key, and the CA the gateway's TLS certificate must chain to.</summary>
public sealed record TerminalCredentials(long TerminalId, X509Certificate2 Certificate, X509Certificate2 GatewayCa)
{
    public DateTimeOffset NotAfter => new(Certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);

    /// <summary>Renew from 30 days before the end (docs/agent.md).</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    public bool IsRenewalDue(DateTimeOffset now) => NotAfter - now <= RenewBefore;

    public bool IsExpired(DateTimeOffset now) => NotAfter <= now;
}
