namespace Bansos.Gateway.Terminals;

public enum TerminalState
{
    Active,
    Disabled,
}
