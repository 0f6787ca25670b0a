using Bansos.Agent.Messages;

namespace Bansos.Agent.Configuration;

/// <summary>The agent cannot start the command as configured; <see cref="Notice"/> says why and what to do.</summary>
public sealed class AgentSetupException : Exception
{
    public AgentSetupException(Notice notice, Exception? inner = null) : base(notice.Id.ToString(), inner) => Notice = notice;

    public AgentSetupException() : this(Notice.Error(Msg.UnexpectedProblem)) { }

    public AgentSetupException(string message) : base(message) => Notice = Notice.Error(Msg.UnexpectedProblem);

    public AgentSetupException(string message, Exception inner) : base(message, inner) => Notice = Notice.Error(Msg.UnexpectedProblem);

    public Notice Notice { get; }

    /// <summary>The exit code for JSON mode: a gateway or enrolment problem unless told otherwise.</summary>
    public int ExitCode { get; init; } = 7;
}
