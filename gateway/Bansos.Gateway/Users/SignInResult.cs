namespace Bansos.Gateway.Users;

/// <summary>A successful sign-in or refresh: a short access token and the next refresh token.</summary>
public sealed record SignInResult(string AccessToken, DateTimeOffset ExpiresAt, string RefreshToken, DateTimeOffset SessionExpiresAt);
