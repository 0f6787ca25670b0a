namespace Bansos.ServiceDefaults.Auth;

/// <summary>The roles a token carries in its <c>role</c> claim.</summary>
public static class BansosRoles
{
    public const string Admin = "admin";

    /// <summary>Posko staff.</summary>
    public const string Operator = "operator";

    /// <summary>Read-only; personal data masked.</summary>
    public const string Auditor = "auditor";

    /// <summary>An enrolled agent installation (token minted by the gateway from its client certificate).</summary>
    public const string Terminal = "terminal";
}
