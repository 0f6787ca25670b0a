using Microsoft.Extensions.Configuration;

namespace Bansos.ServiceDefaults.Auth;

/// <summary>
/// <c>Bansos:Auth:*</c>: how a service verifies tokens. A service gets public keys only (a JWKS
/// document: a file, the gateway's URL, or inline) and can verify but never mint.
/// </summary>
public sealed record BansosAuthOptions
{
    public const string DefaultIssuer = "bansos-gateway";
    public const string DefaultAudience = "bansos";

    /// <summary>The longest a person's token may live (iat to exp), whatever its issuer says.</summary>
    public static readonly TimeSpan MaxPersonLifetime = TimeSpan.FromMinutes(15);

    /// <summary>The longest a terminal's token may live: the gateway mints them from a client certificate per few minutes.</summary>
    public static readonly TimeSpan MaxTerminalLifetime = TimeSpan.FromMinutes(5);

    public string Issuer { get; init; } = DefaultIssuer;

    public string Audience { get; init; } = DefaultAudience;

    /// <summary>A JWKS file (public keys) on disk, re-read when it changes.</summary>
    public string? JwksFile { get; init; }

    /// <summary>The gateway's JWKS address, e.g. <c>http://127.0.0.1:8080/.well-known/jwks.json</c>.</summary>
    public string? JwksUri { get; init; }

    /// <summary>A JWKS document given inline (tests, containers that pass it in an environment variable).</summary>
    public string? Jwks { get; init; }

    /// <summary>An external OIDC issuer (e.g. Keycloak); tokens are then checked against its published keys.</summary>
    public string? Authority { get; init; }

    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often published keys are fetched again (a key the cache does not know triggers a refresh sooner).</summary>
    public TimeSpan KeyRefreshInterval { get; init; } = TimeSpan.FromMinutes(5);

    public bool HasKeySource => JwksFile is not null || JwksUri is not null || Jwks is not null;

    public static BansosAuthOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Bansos:Auth");
        return new BansosAuthOptions
        {
            Issuer = section["Issuer"] is { Length: > 0 } issuer ? issuer : DefaultIssuer,
            Audience = section["Audience"] is { Length: > 0 } audience ? audience : DefaultAudience,
            JwksFile = NullIfBlank(section["JwksFile"]),
            JwksUri = NullIfBlank(section["JwksUri"]),
            Jwks = NullIfBlank(section["Jwks"]),
            Authority = NullIfBlank(section["Authority"]),
            ClockSkew = section.GetValue("ClockSkew", TimeSpan.FromSeconds(30)),
            KeyRefreshInterval = section.GetValue("KeyRefreshInterval", TimeSpan.FromMinutes(5)),
        };
    }

    /// <summary>Throws with what to configure when the service could not verify any token.</summary>
    public void EnsureUsable(IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration["Bansos:Auth:SigningKey"]))
        {
            throw new InvalidOperationException(
                "Bansos:Auth:SigningKey is no longer used: services verify the gateway's ES256 signatures with its public keys. " +
                "Remove it and set Bansos:Auth:JwksUri (the gateway's /.well-known/jwks.json) or Bansos:Auth:JwksFile.");
        }

        if (!HasKeySource && Authority is null)
        {
            throw new InvalidOperationException(
                "No token verification keys: set Bansos:Auth:JwksUri (the gateway's /.well-known/jwks.json), " +
                "Bansos:Auth:JwksFile (a JWKS file), Bansos:Auth:Jwks (the document itself) or Bansos:Auth:Authority (an OIDC issuer).");
        }

        if (JwksUri is not null && !Uri.TryCreate(JwksUri, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException($"Bansos:Auth:JwksUri is not an absolute address: {JwksUri}");
        }
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
