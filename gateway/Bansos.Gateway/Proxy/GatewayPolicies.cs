using Bansos.Gateway.Terminals;
using Bansos.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace Bansos.Gateway.Proxy;

/// <summary>
/// Who may use which route group at the gateway (the services check each RPC again). A caller is
/// a terminal when its TLS connection carries a client certificate, otherwise a bearer token.
/// </summary>
public static class GatewayPolicies
{
    /// <summary>The policy scheme: the client certificate when there is one, else the bearer token.</summary>
    public const string Scheme = "Bansos";

    public const string Registry = "registry";
    public const string Payout = "payout";
    public const string PayoutTerminal = "payout-terminal";
    public const string Complaint = "complaint";
    public const string Admin = "admin";

    public static readonly IReadOnlyDictionary<string, string[]> Roles = new Dictionary<string, string[]>
    {
        [Registry] = [BansosRoles.Admin, BansosRoles.Operator, BansosRoles.Auditor],
        [Payout] = [BansosRoles.Admin, BansosRoles.Auditor],
        [PayoutTerminal] = [BansosRoles.Terminal],
        [Complaint] = [BansosRoles.Admin, BansosRoles.Operator, BansosRoles.Auditor, BansosRoles.Terminal],
        [Admin] = [BansosRoles.Admin],
    };

    public static IServiceCollection AddGatewayPolicies(this IServiceCollection services, ExternalIssuer external)
    {
        if (external.Enabled)
        {
            ExternalIssuerScheme.Add(services, external);
        }

        services.AddAuthentication()
            .AddPolicyScheme(Scheme, "client certificate or bearer token", policy =>
                policy.ForwardDefaultSelector = context =>
                    context.Connection.ClientCertificate is not null ? TerminalCertificateHandler.SchemeName
                    : external.Enabled && ExternalIssuerScheme.Claims(context, external) ? ExternalIssuerScheme.Name
                    : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TerminalCertificateHandler>(TerminalCertificateHandler.SchemeName, null);
        services.Configure<Microsoft.AspNetCore.Authentication.AuthenticationOptions>(options =>
        {
            options.DefaultScheme = Scheme;
            options.DefaultChallengeScheme = Scheme;
        });

        // Terminal identity comes from certificates only: a bearer token claiming it is refused here.
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            var validated = jwt.Events.OnTokenValidated;
            jwt.Events.OnTokenValidated = async context =>
            {
                await validated(context);
                if (context.Result is null && context.Principal?.IsInRole(BansosRoles.Terminal) == true)
                {
                    context.Fail("terminals authenticate with their client certificate");
                }
            };
        });

        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(Scheme).RequireAuthenticatedUser().Build());
        foreach (var (name, roles) in Roles)
        {
            authorization.AddPolicy(name, policy => policy.AddAuthenticationSchemes(Scheme).RequireRole(roles));
        }

        return services;
    }
}
