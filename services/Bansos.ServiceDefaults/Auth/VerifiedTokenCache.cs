using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bansos.ServiceDefaults.Auth;

/// <summary>
/// Verifies a token's signature once and remembers the outcome for the same token text: an agent
/// sends the same terminal token (minted by the gateway, up to 5 minutes) on every call, and an
/// ES256 verification per call was a large share of a payout's CPU (docs/performance.md). A
/// remembered token is accepted only while it is still valid on the host's clock (the
/// <see cref="TokenValidationParameters.LifetimeValidator"/> runs on every call) and while the key
/// that signed it is still among the published keys (a key withdrawn from the JWKS takes its
/// tokens with it at the next key refresh). Issuer, audience and algorithm are properties of the
/// text itself, checked once. Only valid outcomes are kept; the cache is bounded.
/// </summary>
public sealed class VerifiedTokenCache : JsonWebTokenHandler
{
    /// <summary>Far above the live tokens of a deployment (one per terminal and signed-in person).</summary>
    public const int Capacity = 20_000;

    private readonly ConcurrentDictionary<string, TokenValidationResult> verified = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        ArgumentNullException.ThrowIfNull(validationParameters);
        if (verified.TryGetValue(token, out var known))
        {
            if (StillValid(known, validationParameters))
            {
                return Copy(known);
            }

            verified.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (!result.IsValid)
        {
            return result;
        }

        if (verified.Count >= Capacity)
        {
            verified.Clear(); // rare (a flood of distinct valid tokens): start over rather than track ages
        }

        verified[token] = result;
        return Copy(result);
    }

    /// <summary>A fresh identity per request: the pipeline may add to it, and requests must not share it.</summary>
    private static TokenValidationResult Copy(TokenValidationResult known) => new()
    {
        IsValid = true,
        SecurityToken = known.SecurityToken,
        ClaimsIdentity = known.ClaimsIdentity.Clone(),
        Issuer = known.Issuer,
        TokenType = known.TokenType,
    };

    private static bool StillValid(TokenValidationResult known, TokenValidationParameters parameters)
    {
        if (known.SecurityToken is not JsonWebToken jwt)
        {
            return false;
        }

        DateTime? notBefore = jwt.ValidFrom == DateTime.MinValue ? null : jwt.ValidFrom;
        DateTime? expires = jwt.ValidTo == DateTime.MinValue ? null : jwt.ValidTo;
        var lifetimeOk = parameters.LifetimeValidator is { } lifetime
            ? lifetime(notBefore, expires, jwt, parameters)
            : expires is { } end && end > DateTime.UtcNow - parameters.ClockSkew;
        return lifetimeOk && SigningKeyStillPublished(jwt, parameters);
    }

    private static bool SigningKeyStillPublished(JsonWebToken jwt, TokenValidationParameters parameters)
    {
        if (parameters.IssuerSigningKey is { } single && single.KeyId == jwt.Kid)
        {
            return true;
        }

        if (parameters.IssuerSigningKeys is { } keys)
        {
            foreach (var key in keys)
            {
                if (key.KeyId == jwt.Kid)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
