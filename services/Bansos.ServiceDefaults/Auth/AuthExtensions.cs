using Bansos.ServiceDefaults.Auth;
using Bansos.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Bansos.ServiceDefaults;

public static class AuthExtensions
{
    /// <summary>The algorithms a token may be signed with: asymmetric only (no HS256, no <c>none</c>).</summary>
    public static readonly IReadOnlyList<string> Algorithms = [SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256];

    /// <summary>
    /// JWT bearer validation against the gateway's public keys (<c>Bansos:Auth:JwksUri</c>,
    /// <c>JwksFile</c> or <c>Jwks</c>) or an external OIDC authority; ES256/RS256 only; tokens
    /// living longer than their kind allows (<see cref="TokenLifetimeRule"/>) refused; roles from
    /// the <c>role</c> claim; a fallback policy that requires an authenticated caller on every
    /// endpoint that does not opt out (health endpoints do); and <see cref="ICurrentActor"/>.
    /// Start-up fails when no key source is configured, whatever the environment.
    /// </summary>
    public static WebApplicationBuilder AddBansosAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddBansosSettings<BansosAuthOptions>(BansosAuthOptions.Section).PostConfigure(BansosAuthOptions.Complete);
        services.AddHttpClient(nameof(PublishedKeys));
        services.AddSingleton(sp => new PublishedKeys(
            sp.GetRequiredService<BansosAuthOptions>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(PublishedKeys)),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<BansosAuthOptions, IConfiguration, IHostEnvironment, IServiceProvider>((jwt, options, configuration, environment, sp) =>
            {
                // BansosAuthOptions come checked (AddBansosSettings, at start-up) from the final configuration:
                // test hosts add their settings after Program registered everything.
                var time = sp.GetService<TimeProvider>() ?? TimeProvider.System;

                // Keep claim names as issued ("sub", "role"), not the WS-* URIs.
                jwt.MapInboundClaims = false;
                // One signature check per token, not per call (an agent reuses its token for minutes).
                jwt.TokenHandlers.Clear();
                jwt.TokenHandlers.Add(new VerifiedTokenCache { MapInboundClaims = false });
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidIssuer = options.Issuer,
                    ValidateAudience = true,
                    ValidAudience = options.Audience,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ValidateIssuerSigningKey = true,
                    ValidAlgorithms = Algorithms,
                    ClockSkew = options.ClockSkew,
                    NameClaimType = BansosClaims.Name,
                    RoleClaimType = BansosClaims.Role,
                    // Expiry and not-before on the host's clock, as the issued-at rule below: the
                    // library's own check reads the system clock whatever TimeProvider the host has.
                    LifetimeValidator = (notBefore, expires, _, parameters) =>
                    {
                        var now = time.GetUtcNow().UtcDateTime;
                        return expires is { } end && end > now - parameters.ClockSkew
                            && (notBefore is not { } start || start <= now + parameters.ClockSkew);
                    },
                };
                jwt.TimeProvider = time;
                if (options.HasKeySource)
                {
                    jwt.ConfigurationManager = sp.GetRequiredService<PublishedKeys>();
                }
                else
                {
                    jwt.Authority = options.Authority;
                    jwt.Audience = options.Audience;
                    jwt.RequireHttpsMetadata = !environment.IsDevelopment();
                    if (configuration["Bansos:Auth:Issuer"] is not { Length: > 0 })
                    {
                        jwt.TokenValidationParameters.ValidIssuer = null; // the authority's metadata names it
                    }
                }

                jwt.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        if (TokenLifetimeRule.Violation(context.SecurityToken, context.Principal, time.GetUtcNow(), options.ClockSkew) is { } problem)
                        {
                            context.Fail(problem);
                        }

                        return Task.CompletedTask;
                    },
                };
            })
            .ValidateOnStart();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .Build());

        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentActor, CurrentActor>();
        return builder;
    }
}
