using Bansos.ServiceDefaults.Auth;
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
    /// <summary>
    /// JWT bearer validation (the gateway's symmetric key, or an external OIDC authority), roles
    /// from the <c>role</c> claim, a fallback policy that requires an authenticated caller on every
    /// endpoint that does not opt out (health endpoints do), and <see cref="ICurrentActor"/>.
    /// Fails start-up outside Development/tests when no signing key or authority is configured.
    /// </summary>
    public static WebApplicationBuilder AddBansosAuth(this WebApplicationBuilder builder)
    {
        // Checked now so a production host without a key fails at start-up with a clear message;
        // bound again from the built configuration (test hosts add their settings late).
        _ = BansosAuthOptions.From(builder.Configuration, builder.Environment);
        var services = builder.Services;
        services.AddSingleton(sp => BansosAuthOptions.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<BansosAuthOptions, IConfiguration, IHostEnvironment>((jwt, options, configuration, environment) =>
            {
                // Keep claim names as issued ("sub", "role"), not the WS-* URIs.
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidIssuer = options.Issuer,
                    ValidateAudience = true,
                    ValidAudience = options.Audience,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    ClockSkew = options.ClockSkew,
                    NameClaimType = BansosClaims.Name,
                    RoleClaimType = BansosClaims.Role,
                };
                if (options.SigningKey is not null)
                {
                    jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(options.SigningKey);
                    jwt.TokenValidationParameters.ValidateIssuerSigningKey = true;
                    jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
                }

                if (options.Authority is not null)
                {
                    jwt.Authority = options.Authority;
                    jwt.Audience = options.Audience;
                    jwt.RequireHttpsMetadata = !environment.IsDevelopment();
                    if (configuration["Bansos:Auth:Issuer"] is not { Length: > 0 })
                    {
                        jwt.TokenValidationParameters.ValidIssuer = null; // the authority's metadata names it
                    }
                }
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .Build());

        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentActor, CurrentActor>();
        // Resolving it without a signing key (an external authority) throws: tokens then come from that authority.
        services.AddSingleton(sp => new JwtTokenIssuer(sp.GetRequiredService<BansosAuthOptions>(), sp.GetService<TimeProvider>()));

        return builder;
    }
}
