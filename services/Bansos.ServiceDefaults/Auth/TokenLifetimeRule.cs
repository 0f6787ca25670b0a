using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bansos.ServiceDefaults.Auth;

/// <summary>
/// A token may live (issued-at to expiry) at most <see cref="BansosAuthOptions.MaxPersonLifetime"/>,
/// or <see cref="BansosAuthOptions.MaxTerminalLifetime"/> when it is a terminal's; it must say when
/// it was issued, and not in the future. So a stolen token is worth minutes, whoever minted it.
/// </summary>
public static class TokenLifetimeRule
{
    /// <summary>Why the token is refused, or null when its lifetime is within its kind's maximum.</summary>
    public static string? Violation(SecurityToken? token, ClaimsPrincipal? principal, DateTimeOffset now, TimeSpan clockSkew)
    {
        if (token is not JsonWebToken jwt)
        {
            return "Not a JWT.";
        }

        if (!jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Iat, out _))
        {
            return "The token has no issued-at (iat) claim.";
        }

        var issuedAt = new DateTimeOffset(jwt.IssuedAt, TimeSpan.Zero);
        if (issuedAt > now + clockSkew)
        {
            return "The token is issued in the future.";
        }

        var terminal = principal?.IsInRole(BansosRoles.Terminal) ?? false;
        var maximum = terminal ? BansosAuthOptions.MaxTerminalLifetime : BansosAuthOptions.MaxPersonLifetime;
        var lifetime = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero) - issuedAt;
        return lifetime > maximum
            ? $"The token lives {lifetime.TotalMinutes:0.#} minutes; a {(terminal ? "terminal" : "person")}'s token may live at most {maximum.TotalMinutes:0} minutes."
            : null;
    }
}
