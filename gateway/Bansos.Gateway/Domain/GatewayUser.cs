namespace Bansos.Gateway.Domain;

/// <summary>A person who signs in at the gateway: one role, and for operators the villages they serve.</summary>
public sealed record GatewayUser(
    long Id,
    string UserName,
    string DisplayName,
    string Role,
    IReadOnlyList<string> Villages,
    string PasswordHash,
    bool Disabled,
    int FailedAttempts,
    DateTimeOffset? LockedUntil)
{
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
