namespace Bansos.ServiceDefaults.Auth;

/// <summary>Claim names as they appear in Bansos tokens (no inbound mapping to the long WS-* names).</summary>
public static class BansosClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string TerminalId = "terminal_id";

    /// <summary>
    /// A village code (Kemendagri, <c>17.03.12.2003</c>) an operator serves; repeated, one claim per
    /// village. The gateway issues it for operators; the complaint service scopes tickets by it.
    /// </summary>
    public const string Village = "village";
}
