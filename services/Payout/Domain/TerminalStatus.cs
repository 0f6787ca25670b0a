namespace Bansos.Payout.Domain;

/// <summary>An enrolled terminal is ACTIVE or DISABLED; a disabled one gets every authorization declined.</summary>
public enum TerminalStatus
{
    Active = 1,
    Disabled = 2,
}
