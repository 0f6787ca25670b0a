using Bansos.Agent.Session;

namespace Bansos.Agent.Cli;

/// <summary>The agent's exit codes (docs/agent.md); a payout's are its <see cref="OutcomeKind"/>.</summary>
public static class ExitCodes
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int BadCommandLine = 2;
    public const int Declined = (int)OutcomeKind.Declined;
    public const int CardRefused = (int)OutcomeKind.CardRefused;
    public const int NothingPaid = (int)OutcomeKind.NothingPaid;
    public const int ReaderProblem = (int)OutcomeKind.ReaderProblem;
    public const int GatewayProblem = (int)OutcomeKind.GatewayProblem;
    public const int Unanswered = (int)OutcomeKind.Unanswered;
    public const int NotAvailable = 9;
}
