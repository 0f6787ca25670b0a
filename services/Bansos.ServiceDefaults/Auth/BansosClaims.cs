namespace Bansos.ServiceDefaults.Auth;

/// <summary>Claim names as they appear in Bansos tokens (no inbound mapping to the long WS-* names).</summary>
public static class BansosClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string TerminalId = "terminal_id";
}
