using Bansos.Agent.Cards;
using Bansos.Agent.Complaints;
using Bansos.Agent.Connection;
using Bansos.Agent.Payout;
using Spectre.Console;

namespace Bansos.Agent.Cli;

/// <summary>
/// Everything a command touches outside itself, so tests run the real commands in process:
/// the terminal (Spectre), standard output/input for JSON mode, the reader and the token source.
/// </summary>
public sealed record AgentIo(IAnsiConsole Console, TextWriter Output, TextReader Input, TextWriter Error)
{
    public Func<string?, ICardReader> Reader { get; init; } = name => new PcScCardReader(name);

    public Func<string?> DevelopmentToken { get; init; } = Connection.DevelopmentToken.Read;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Waits between retries of an unanswered payout (tests make it short).</summary>
    public Func<int, TimeSpan>? RetryDelay { get; init; }

    /// <summary>Unit tests put fakes here; null: gRPC through the gateway.</summary>
    public Func<ITerminalClient>? TerminalClient { get; init; }

    /// <summary>Unit tests put fakes here; null: gRPC through the gateway.</summary>
    public Func<IComplaintClient>? ComplaintClient { get; init; }

    public static AgentIo FromSystemConsole() => new(AnsiConsole.Console, System.Console.Out, System.Console.In, System.Console.Error);
}
