using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bansos.ServiceDefaults.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bansos.Testing;

/// <summary>
/// A token issuer for tests with a P-256 key pair of its own: hosts trust it through
/// <see cref="Settings"/> (its public key only, as a service trusts the gateway). Also makes the
/// bad tokens services must refuse: unsigned, HMAC-signed with the public key, over-long-lived.
/// </summary>
public sealed class TestTokenIssuer
{
    private readonly ECDsa key;
    private readonly string keyId;
    private readonly TimeProvider time;
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };

    public TestTokenIssuer(string issuer = BansosAuthOptions.DefaultIssuer, string audience = BansosAuthOptions.DefaultAudience)
        : this(ECDsa.Create(ECCurve.NamedCurves.nistP256), issuer, audience, TimeProvider.System)
    {
    }

    /// <summary>An issuer over someone's real key (a test that needs a gateway-signed token the gateway would never mint).</summary>
    public static TestTokenIssuer FromKey(ECDsa key, string issuer = BansosAuthOptions.DefaultIssuer, string audience = BansosAuthOptions.DefaultAudience) =>
        new(key, issuer, audience, TimeProvider.System);

    private TestTokenIssuer(ECDsa key, string issuer, string audience, TimeProvider time)
    {
        this.key = key;
        keyId = PublicJwks.KeyIdOf(key);
        Issuer = issuer;
        Audience = audience;
        this.time = time;
    }

    public string Issuer { get; }

    public string Audience { get; }

    /// <summary>The JWKS document of the public key.</summary>
    public string Jwks => PublicJwks.Create([(keyId, key)]);

    /// <summary>The public key as SubjectPublicKeyInfo PEM (what an attacker would use as an HMAC secret).</summary>
    public string PublicKeyPem => key.ExportSubjectPublicKeyInfoPem();

    /// <summary>Configuration that makes a host trust this issuer.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Bansos:Auth:Jwks", Jwks),
        new("Bansos:Auth:Issuer", Issuer),
        new("Bansos:Auth:Audience", Audience),
    ];

    /// <summary>The same key, another clock (expired tokens) or issuer/audience (tokens for someone else).</summary>
    public TestTokenIssuer With(TimeProvider? time = null, string? issuer = null, string? audience = null) =>
        new(key, issuer ?? Issuer, audience ?? Audience, time ?? this.time);

    /// <summary>An ES256 token for <paramref name="subject"/> with the roles in <c>role</c> and the extra claims as given.</summary>
    public string Issue(string subject, IEnumerable<string> roles, TimeSpan lifetime, IReadOnlyDictionary<string, object>? extraClaims = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = Claims(subject, roles, extraClaims),
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.EcdsaSha256),
        });
    }

    /// <summary><c>alg: none</c>, no signature.</summary>
    public string IssueUnsigned(string subject, params string[] roles) => Compose(
        new Dictionary<string, object> { ["alg"] = "none", ["typ"] = "JWT" }, Payload(subject, roles), _ => "");

    /// <summary>HS256 with the public key's PEM as the secret, under this key's id (the algorithm-confusion attack).</summary>
    public string IssueHmacWithPublicKey(string subject, params string[] roles)
    {
        var secret = Encoding.UTF8.GetBytes(PublicKeyPem);
        return Compose(
            new Dictionary<string, object> { ["alg"] = "HS256", ["typ"] = "JWT", ["kid"] = keyId }, Payload(subject, roles),
            signingInput => Base64UrlEncoder.Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput))));
    }

    private Dictionary<string, object> Payload(string subject, string[] roles)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var payload = Claims(subject, roles, null);
        payload[JwtRegisteredClaimNames.Iss] = Issuer;
        payload[JwtRegisteredClaimNames.Aud] = Audience;
        payload[JwtRegisteredClaimNames.Iat] = now;
        payload[JwtRegisteredClaimNames.Nbf] = now;
        payload[JwtRegisteredClaimNames.Exp] = now + 300;
        return payload;
    }

    private static Dictionary<string, object> Claims(string subject, IEnumerable<string> roles, IReadOnlyDictionary<string, object>? extraClaims)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [BansosClaims.Subject] = subject,
            [BansosClaims.Role] = roles.ToArray(),
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
        };
        foreach (var (name, value) in extraClaims ?? new Dictionary<string, object>())
        {
            claims[name] = value;
        }

        return claims;
    }

    private static string Compose(Dictionary<string, object> header, Dictionary<string, object> payload, Func<string, string> sign)
    {
        var signingInput = Base64UrlEncoder.Encode(JsonSerializer.Serialize(header)) + "." + Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload));
        return signingInput + "." + sign(signingInput);
    }
}
