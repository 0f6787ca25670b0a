namespace Bansos.Agent.Session;

/// <summary>How a payout session ended; each has its own exit code in JSON mode (docs/agent.md).</summary>
public enum OutcomeKind
{
    /// <summary>Paid: the service approved it and the receipt is saved.</summary>
    Approved = 0,
    /// <summary>The payout service, or the agent before asking it, declined; nothing paid.</summary>
    Declined = 3,
    /// <summary>The card refused (not a Bansos card, blank, PIN blocked, ended, unreadable); nothing paid.</summary>
    CardRefused = 4,
    /// <summary>Card removed before the payout was sent, or the operator cancelled; nothing paid.</summary>
    NothingPaid = 5,
    /// <summary>pcscd not running, no reader, or no card within the wait.</summary>
    ReaderProblem = 6,
    /// <summary>Gateway unreachable, terminal not allowed or not enrolled, before anything was sent; nothing paid.</summary>
    GatewayProblem = 7,
    /// <summary>Sent but not answered yet (operator stopped the retries); kept and asked again at the next start.</summary>
    Unanswered = 8,
}
