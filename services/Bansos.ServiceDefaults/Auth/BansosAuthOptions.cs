using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Bansos.ServiceDefaults.Auth;

/// <summary><c>Bansos:Auth:*</c>: how tokens are validated (and, by the gateway, issued).</summary>
public sealed record BansosAuthOptions
{
    public const string DefaultIssuer = "bansos-gateway";
    public const string DefaultAudience = "bansos";

    /// <summary>
    /// The key used when none is configured, in Development and tests only. Public on purpose:
    /// it protects nothing, and a production start without a real key fails.
    /// </summary>
    public const string DevelopmentSigningKey = "YmFuc29zLWRldmVsb3BtZW50LWtleS1ub3QtZm9yLXByb2R1Y3Rpb24hIQ==";

    public string Issuer { get; init; } = DefaultIssuer;

    public string Audience { get; init; } = DefaultAudience;

    /// <summary>The symmetric signing key (≥ 32 bytes); null when an external authority is used.</summary>
    public byte[]? SigningKey { get; init; }

    /// <summary>An external OIDC issuer (e.g. Keycloak); tokens are then checked against its published keys.</summary>
    public string? Authority { get; init; }

    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(30);

    public static BansosAuthOptions From(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Bansos:Auth");
        var authority = section["Authority"];
        var options = new BansosAuthOptions
        {
            Issuer = section["Issuer"] is { Length: > 0 } issuer ? issuer : DefaultIssuer,
            Audience = section["Audience"] is { Length: > 0 } audience ? audience : DefaultAudience,
            Authority = string.IsNullOrWhiteSpace(authority) ? null : authority,
            ClockSkew = section.GetValue("ClockSkew", TimeSpan.FromSeconds(30)),
        };
        if (options.Authority is not null && string.IsNullOrWhiteSpace(section["SigningKey"]))
        {
            return options;
        }

        var key = section["SigningKey"];
        if (string.IsNullOrWhiteSpace(key))
        {
            if (!IsDevelopmentLike(environment))
            {
                throw new InvalidOperationException(
                    $"Bansos:Auth:SigningKey is not set (environment {environment.EnvironmentName}). " +
                    "Set it to a base64 key of at least 32 bytes shared with the gateway, e.g. `openssl rand -base64 32`, " +
                    "or set Bansos:Auth:Authority to use an OIDC issuer. The development key is only used in Development and tests.");
            }

            key = DevelopmentSigningKey;
        }

        return options with { SigningKey = DecodeKey(key) };
    }

    public static byte[] DecodeKey(string base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Bansos:Auth:SigningKey is not valid base64.");
        }

        if (bytes.Length < 32)
        {
            throw new InvalidOperationException($"Bansos:Auth:SigningKey is {bytes.Length} bytes; at least 32 are required.");
        }

        return bytes;
    }

    private static bool IsDevelopmentLike(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing") || environment.IsEnvironment("Test");
}
