using System.Globalization;
using Bansos.Gateway.Pki;
using Bansos.ServiceDefaults.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bansos.Gateway.Tokens;

/// <summary>
/// Signs the tokens the services accept (ES256 with the gateway's key; the services hold only its
/// public half, published at <c>/.well-known/jwks.json</c>). The only place in Bansos that mints.
/// </summary>
public sealed class GatewayTokenIssuer
{
    private readonly SigningCredentials credentials;
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly BansosAuthOptions auth;
    private readonly GatewayOptions options;
    private readonly TimeProvider time;

    public GatewayTokenIssuer(GatewayPki pki, BansosAuthOptions auth, Microsoft.Extensions.Options.IOptions<GatewayOptions> gatewayOptions, TimeProvider time)
    {
        this.auth = auth;
        options = gatewayOptions.Value;
        this.time = time;
        KeyId = PublicJwks.KeyIdOf(pki.TokenSigningKey);
        credentials = new SigningCredentials(new ECDsaSecurityKey(pki.TokenSigningKey) { KeyId = KeyId }, SecurityAlgorithms.EcdsaSha256);
        Jwks = PublicJwks.Create([(KeyId, pki.TokenSigningKey)]);
    }

    public string KeyId { get; }

    /// <summary>The public keys, as served at <c>/.well-known/jwks.json</c>.</summary>
    public string Jwks { get; }

    public TimeSpan AccessTokenLifetime => Min(options.AccessTokenLifetime, BansosAuthOptions.MaxPersonLifetime);

    public TimeSpan TerminalTokenLifetime => Min(options.TerminalTokenLifetime, BansosAuthOptions.MaxTerminalLifetime);

    /// <summary>A person's access token: role, display name and, for operators, the villages they serve.</summary>
    public IssuedToken IssuePerson(string subject, string displayName, string role, IReadOnlyList<string> villages) =>
        IssuePerson(subject, displayName, [role], villages);

    /// <summary>As above with several roles (a person from an external issuer may hold more than one).</summary>
    public IssuedToken IssuePerson(string subject, string displayName, IReadOnlyList<string> roles, IReadOnlyList<string> villages)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [BansosClaims.Name] = displayName,
            [BansosClaims.Role] = roles.ToArray(),
        };
        if (villages.Count > 0)
        {
            claims[BansosClaims.Village] = villages.ToArray();
        }

        return Issue(subject, claims, AccessTokenLifetime);
    }

    /// <summary>
    /// What the services see for an agent that came in with its client certificate: its terminal id
    /// and, when payout has told the gateway, the village of its distribution point.
    /// </summary>
    public IssuedToken IssueTerminal(long terminalId, string? villageCode = null)
    {
        var id = terminalId.ToString(CultureInfo.InvariantCulture);
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [BansosClaims.Role] = new[] { BansosRoles.Terminal },
            [BansosClaims.TerminalId] = id,
        };
        if (!string.IsNullOrEmpty(villageCode))
        {
            claims[BansosClaims.Village] = new[] { villageCode };
        }

        return Issue($"terminal-{id}", claims, TerminalTokenLifetime);
    }

    /// <summary>The gateway calling a service for itself (reading terminal status).</summary>
    public IssuedToken IssueService(string role) =>
        Issue("gateway", new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [BansosClaims.Name] = "Bansos gateway",
            [BansosClaims.Role] = new[] { role },
        }, TerminalTokenLifetime);

    private IssuedToken Issue(string subject, Dictionary<string, object> claims, TimeSpan lifetime)
    {
        var now = time.GetUtcNow();
        claims[BansosClaims.Subject] = subject;
        claims[JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N");
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            Claims = claims,
            SigningCredentials = credentials,
        });
        return new IssuedToken(token, now + lifetime);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

public sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt);
