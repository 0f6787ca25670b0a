using Bansos.Gateway.Proxy;
using Bansos.Gateway.Tokens;
using Bansos.Gateway.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bansos.Gateway.Http;

/// <summary>Sign-in, refresh and the public keys. Anonymous by nature; sign-in is rate-limited per client address.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/api/v1/auth").AllowAnonymous().RequireGatewayRateLimit(RateLimitPolicy.SignIn).WithTags("auth");
        auth.MapPost("/token", SignInAsync)
            .WithSummary("Sign in with user name and password (role: anyone)")
            .WithDescription("Example body: {\"userName\":\"siti\",\"password\":\"ABCD-EFGH-JKMN-PQRS\"}. Five wrong passwords lock the account for 15 minutes.");
        auth.MapPost("/refresh", RefreshAsync)
            .WithSummary("Trade a refresh token for a new access token (role: anyone signed in)")
            .WithDescription("Example body: {\"refreshToken\":\"…\"}. Each refresh token works once; a session lasts one working day.");
        routes.MapGet("/.well-known/jwks.json", (GatewayTokenIssuer tokens) => Results.Text(tokens.Jwks, "application/json"))
            .AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    private static async Task<Ok<TokenResponse>> SignInAsync(SignInRequest request, SignIns signIns, CancellationToken ct) =>
        TypedResults.Ok(TokenResponse.From(await signIns.SignInAsync(request.UserName, request.Password, ct)));

    private static async Task<Ok<TokenResponse>> RefreshAsync(RefreshRequest request, SignIns signIns, CancellationToken ct) =>
        TypedResults.Ok(TokenResponse.From(await signIns.RefreshAsync(request.RefreshToken, ct)));

    public sealed record SignInRequest(string UserName, string Password);

    public sealed record RefreshRequest(string RefreshToken);

    public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, DateTimeOffset SessionExpiresAt)
    {
        public static TokenResponse From(SignInResult result) => new(
            result.AccessToken, "Bearer", (int)(result.ExpiresAt - DateTimeOffset.UtcNow).TotalSeconds, result.RefreshToken, result.SessionExpiresAt);
    }
}
