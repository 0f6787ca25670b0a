using System.Globalization;
using Bansos.Gateway.Terminals;
using Bansos.Gateway.Tokens;
using Bansos.ServiceDefaults.Auth;
using Yarp.ReverseProxy.Transforms;

namespace Bansos.Gateway.Proxy;

/// <summary>
/// What the services learn about the caller comes from the gateway alone: identity headers from
/// outside are dropped, and the Authorization sent on is the bearer token the gateway verified or,
/// for an agent on mutual TLS, a terminal token the gateway minted.
/// </summary>
public static class IdentityHeaders
{
    /// <summary>Headers a proxy or a service might take as an identity; never accepted from outside.</summary>
    public static readonly IReadOnlyList<string> Stripped =
    [
        "Authorization", "X-Forwarded-Client-Cert", "X-Client-Cert", "X-Client-Certificate", "X-SSL-Client-Cert",
        "X-SSL-Client-Verify", "X-SSL-Client-S-DN", "Ssl-Client-Cert", "X-ARR-ClientCert", "X-Terminal-Id",
        "X-Forwarded-User", "X-Forwarded-Email", "X-Forwarded-Preferred-Username", "X-Remote-User", "X-User", "X-Auth-Request-User",
        "X-Auth-Request-Email", "Remote-User",
    ];

    public static ValueTask ApplyAsync(RequestTransformContext context)
    {
        foreach (var header in Stripped)
        {
            context.ProxyRequest.Headers.Remove(header);
        }

        var user = context.HttpContext.User;
        if (user.Identity is { IsAuthenticated: true, AuthenticationType: TerminalCertificateHandler.SchemeName } &&
            long.TryParse(user.FindFirst(BansosClaims.TerminalId)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var terminalId))
        {
            var token = context.HttpContext.RequestServices.GetRequiredService<TerminalTokenCache>().For(terminalId);
            context.ProxyRequest.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }
        else if (user.Identity is { IsAuthenticated: true, AuthenticationType: ExternalIssuerScheme.Name })
        {
            // The services trust the gateway alone: the external person gets a gateway token.
            var token = context.HttpContext.RequestServices.GetRequiredService<GatewayTokenIssuer>().IssuePerson(
                user.FindFirst(BansosClaims.Subject)!.Value, user.Identity.Name ?? "",
                [.. user.FindAll(BansosClaims.Role).Select(c => c.Value)], [.. user.FindAll(BansosClaims.Village).Select(c => c.Value)]);
            context.ProxyRequest.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token.Token);
        }
        else if (user.Identity?.IsAuthenticated == true && context.HttpContext.Request.Headers.Authorization is { Count: 1 } bearer)
        {
            context.ProxyRequest.Headers.TryAddWithoutValidation("Authorization", bearer.ToString());
        }

        return ValueTask.CompletedTask;
    }
}
