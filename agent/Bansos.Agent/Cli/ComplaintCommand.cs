using System.CommandLine;
using Bansos.Agent.Messages;

namespace Bansos.Agent.Cli;

/// <summary>
/// <c>complaint</c>: files a complaint for the household at hand or a walk-in person. The
/// complaint service's gRPC contract is not in this version, so the command says so plainly.
/// </summary>
public static class ComplaintCommand
{
    public static Command Create(AgentIo io)
    {
        var command = new Command("complaint", "Catat pengaduan (file a complaint) — not available yet");
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, io,
            (context, _) => Task.FromResult(CommandRunner.Fail(context, Notice.Warning(Msg.ComplaintNotAvailable), ExitCodes.NotAvailable)), ct));
        return command;
    }
}
