namespace Bansos.Gateway.Proxy;

/// <summary>Which budget a request is counted against.</summary>
public enum RateLimitPolicy
{
    /// <summary>Per user, or per terminal for a terminal's calls.</summary>
    Caller,

    /// <summary>A terminal's card lookups: card numbers are sequential, so lookups could enumerate beneficiaries.</summary>
    BeginPayout,

    /// <summary>Sign-in and refresh, per client address.</summary>
    SignIn,
}
