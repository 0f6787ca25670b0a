using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Bansos.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Bansos.Gateway.Terminals;

/// <summary>
/// Authenticates an agent by its TLS client certificate: issued by the terminal CA, valid now,
/// not revoked (a renewed terminal's previous certificate), and naming a terminal payout knows as active. The principal is the terminal (role
/// <c>terminal</c>, <c>terminal_id</c>); the proxy turns it into a short-lived token for the services.
/// </summary>
public sealed class TerminalCertificateHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TerminalCertificates certificates,
    CertificateRevocations revocations,
    TerminalStatusMonitor terminals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TerminalCertificate";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var certificate = Context.Connection.ClientCertificate ?? await Context.Connection.GetClientCertificateAsync(Context.RequestAborted);
        if (certificate is null)
        {
            return AuthenticateResult.NoResult();
        }

        var (terminalId, problem) = certificates.Identify(certificate);
        if (terminalId is not { } id)
        {
            return AuthenticateResult.Fail(problem ?? "certificate not accepted");
        }

        if (await revocations.IsRevokedAsync(certificate, Context.RequestAborted))
        {
            return AuthenticateResult.Fail($"certificate {certificate.SerialNumber} of terminal {id} was replaced by a renewed one");
        }

        if (!terminals.IsActive(id))
        {
            return AuthenticateResult.Fail($"terminal {id} is not active in payout");
        }

        var text = id.ToString(CultureInfo.InvariantCulture);
        var identity = new ClaimsIdentity(
            [
                new Claim(BansosClaims.Subject, $"terminal-{text}"),
                new Claim(BansosClaims.Name, $"terminal-{text}"),
                new Claim(BansosClaims.Role, BansosRoles.Terminal),
                new Claim(BansosClaims.TerminalId, text),
            ],
            SchemeName, BansosClaims.Name, BansosClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
