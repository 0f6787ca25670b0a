using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bansos.ServiceDefaults.Auth;

/// <summary>Mints HS256 tokens the services accept: used by the gateway and by tests.</summary>
public sealed class JwtTokenIssuer(byte[] signingKey, string issuer, string audience, TimeProvider? time = null)
{
    private readonly SigningCredentials credentials = new(new SymmetricSecurityKey(signingKey), SecurityAlgorithms.HmacSha256);
    private readonly TimeProvider time = time ?? TimeProvider.System;
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };

    public JwtTokenIssuer(BansosAuthOptions options, TimeProvider? time = null)
        : this(options.SigningKey ?? throw new InvalidOperationException("No signing key: tokens come from the external authority."),
               options.Issuer, options.Audience, time)
    {
    }

    /// <summary>An issuer with the development key and default issuer/audience (tests, local runs).</summary>
    public static JwtTokenIssuer ForDevelopment(TimeProvider? time = null) =>
        new(BansosAuthOptions.DecodeKey(BansosAuthOptions.DevelopmentSigningKey),
            BansosAuthOptions.DefaultIssuer, BansosAuthOptions.DefaultAudience, time);

    /// <summary>
    /// A signed token for <paramref name="subject"/> with the roles in <c>role</c>. Extra claims
    /// (e.g. <c>name</c>, <c>terminal_id</c>) are added as given.
    /// </summary>
    public string Issue(
        string subject,
        IEnumerable<string> roles,
        TimeSpan lifetime,
        IReadOnlyDictionary<string, object>? extraClaims = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
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

        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = claims,
            SigningCredentials = credentials,
        });
    }

    /// <summary>The claims of a principal as a token would carry them (handy for tests).</summary>
    public static ClaimsIdentity Identity(string subject, params string[] roles) =>
        new([new Claim(BansosClaims.Subject, subject), .. roles.Select(r => new Claim(BansosClaims.Role, r))],
            "Bearer", BansosClaims.Name, BansosClaims.Role);
}
