using System.ComponentModel.DataAnnotations;

namespace Bansos.ServiceDefaults.Auth;

/// <summary>
/// <c>Bansos:Auth:*</c>: how a service verifies tokens. A service gets public keys only (a JWKS
/// document: a file, the gateway's URL, or inline) and can verify but never mint. Bound and
/// checked at start-up like every setting (docs/decisions.md D87).
/// </summary>
public sealed record BansosAuthOptions : IValidatableObject
{
    public const string Section = "Bansos:Auth";

    public const string DefaultIssuer = "bansos-gateway";
    public const string DefaultAudience = "bansos";

    /// <summary>The longest a person's token may live (iat to exp), whatever its issuer says.</summary>
    public static readonly TimeSpan MaxPersonLifetime = TimeSpan.FromMinutes(15);

    /// <summary>The longest a terminal's token may live: the gateway mints them from a client certificate per few minutes.</summary>
    public static readonly TimeSpan MaxTerminalLifetime = TimeSpan.FromMinutes(5);

    public string Issuer { get; set; } = DefaultIssuer;

    public string Audience { get; set; } = DefaultAudience;

    /// <summary>A JWKS file (public keys) on disk, re-read when it changes.</summary>
    public string? JwksFile { get; set; }

    /// <summary>The gateway's JWKS address, e.g. <c>http://127.0.0.1:8080/.well-known/jwks.json</c>.</summary>
    public string? JwksUri { get; set; }

    /// <summary>A JWKS document given inline (tests, containers that pass it in an environment variable).</summary>
    public string? Jwks { get; set; }

    /// <summary>An external OIDC issuer (e.g. Keycloak); tokens are then checked against its published keys.</summary>
    public string? Authority { get; set; }

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often published keys are fetched again (a key the cache does not know triggers a refresh sooner).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    public bool HasKeySource => JwksFile is not null || JwksUri is not null || Jwks is not null;

    /// <summary>Refused when set: the shared secret of before (services now verify the gateway's public keys).</summary>
    public string? SigningKey { get; set; }

    /// <summary>Blank means unset (the gateway blanks JwksUri and JwksFile when it passes its keys inline); blank names mean the defaults.</summary>
    public static void Complete(BansosAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Issuer = string.IsNullOrWhiteSpace(options.Issuer) ? DefaultIssuer : options.Issuer;
        options.Audience = string.IsNullOrWhiteSpace(options.Audience) ? DefaultAudience : options.Audience;
        options.JwksFile = NullIfBlank(options.JwksFile);
        options.JwksUri = NullIfBlank(options.JwksUri);
        options.Jwks = NullIfBlank(options.Jwks);
        options.Authority = NullIfBlank(options.Authority);
        options.SigningKey = NullIfBlank(options.SigningKey);
    }

    /// <summary>What to configure when the service could not verify any token (the messages name the keys, docs/operations.md).</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SigningKey is not null)
        {
            yield return new ValidationResult(
                "is no longer used: services verify the gateway's ES256 signatures with its public keys. " +
                "Remove it and set Bansos:Auth:JwksUri (the gateway's /.well-known/jwks.json) or Bansos:Auth:JwksFile.", [nameof(SigningKey)]);
        }

        if (!HasKeySource && Authority is null)
        {
            yield return new ValidationResult(
                "No token verification keys: set Bansos:Auth:JwksUri (the gateway's /.well-known/jwks.json), " +
                "Bansos:Auth:JwksFile (a JWKS file), Bansos:Auth:Jwks (the document itself) or Bansos:Auth:Authority (an OIDC issuer).", [nameof(JwksUri)]);
        }

        if (JwksUri is not null && !Uri.TryCreate(JwksUri, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("is not an absolute address.", [nameof(JwksUri)]);
        }
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
