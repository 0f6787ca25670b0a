using System.Security.Claims;
using Bansos.Gateway.Domain;
using Bansos.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bansos.Gateway.Proxy;

/// <summary>
/// The optional external OIDC issuer (D28): a second bearer scheme, chosen when a token's
/// (unverified) <c>iss</c> names that issuer; a validated token becomes a Bansos principal with
/// the roles and villages its configured claims carry (admin, operator, auditor only), subject to
/// the same lifetime rule. The proxy then sends the services a gateway token for that person.
/// </summary>
public static class ExternalIssuerScheme
{
    public const string Name = "External";

    public static void Add(IServiceCollection services, ExternalIssuer external)
    {
        services.AddAuthentication().AddJwtBearer(Name, jwt =>
        {
            jwt.Authority = external.Authority;
            jwt.Audience = external.Audience;
            jwt.RequireHttpsMetadata = external.RequireHttpsMetadata;
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = external.EffectiveIssuer,
                ValidAudience = external.Audience,
                ValidAlgorithms = ServiceDefaults.AuthExtensions.Algorithms,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            jwt.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    if (TokenLifetimeRule.Violation(context.SecurityToken, context.Principal, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30)) is { } problem)
                    {
                        context.Fail(problem);
                        return Task.CompletedTask;
                    }

                    var source = context.Principal!;
                    var roles = source.FindAll(external.RoleClaim).Select(c => c.Value).Where(UserRules.Roles.Contains).Distinct().ToList();
                    if (roles.Count == 0)
                    {
                        context.Fail("the external token carries no Bansos role");
                        return Task.CompletedTask;
                    }

                    var subject = source.FindFirst(BansosClaims.Subject)?.Value ?? "";
                    List<Claim> claims =
                    [
                        new(BansosClaims.Subject, subject),
                        new(BansosClaims.Name, source.FindFirst(external.NameClaim)?.Value ?? subject),
                        .. roles.Select(r => new Claim(BansosClaims.Role, r)),
                        .. source.FindAll(external.VillageClaim).Select(c => new Claim(BansosClaims.Village, c.Value)),
                    ];
                    context.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Name, BansosClaims.Name, BansosClaims.Role));
                    return Task.CompletedTask;
                },
            };
        });
    }

    /// <summary>True when the request's bearer token says it comes from the external issuer (checked for real by the scheme).</summary>
    public static bool Claims(HttpContext context, ExternalIssuer external)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            return string.Equals(new JsonWebToken(header["Bearer ".Length..].Trim()).Issuer, external.EffectiveIssuer, StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
