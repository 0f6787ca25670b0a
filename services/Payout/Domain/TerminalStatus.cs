using Bansos.ServiceDefaults.Codes;

namespace Bansos.Payout.Domain;

/// <summary>An enrolled terminal is ACTIVE or DISABLED; a disabled one gets every authorization declined.</summary>
public enum TerminalStatus
{
    Active = 1,
    Disabled = 2,
}

public static class TerminalStatusCodes
{
    public static readonly CodeMap<TerminalStatus> Map = new((TerminalStatus.Active, "ACTIVE"), (TerminalStatus.Disabled, "DISABLED"));

    public static string ToCode(this TerminalStatus status) => Map.ToCode(status);
}
