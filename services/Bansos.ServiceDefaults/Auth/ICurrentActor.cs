namespace Bansos.ServiceDefaults.Auth;

/// <summary>
/// Who is making the current request, from the validated token only — never from request fields.
/// Outside a request (a message consumer, a background job) the actor is the service itself.
/// </summary>
public interface ICurrentActor
{
    bool IsAuthenticated { get; }

    /// <summary>The token's <c>sub</c>; "system" outside a request.</summary>
    string Subject { get; }

    string DisplayName { get; }

    IReadOnlyList<string> Roles { get; }

    /// <summary>The enrolled terminal making the call (<c>terminal_id</c>), for terminal tokens only.</summary>
    long? TerminalId { get; }

    /// <summary>When the token expires (<c>exp</c>); a long call such as a stream ends then.</summary>
    DateTimeOffset? TokenExpiresAt { get; }

    bool IsInRole(string role);
}
