using System.CommandLine;
using Bansos.Agent.Messages;

namespace Bansos.Agent.Cli;

/// <summary>The agent's command line (System.CommandLine): global options and one command per task at the counter.</summary>
public static class AgentCli
{
    public static RootCommand Build(AgentIo io)
    {
        var root = new RootCommand("bansos-agent: penyaluran bansos dengan kartu (aid payouts with the aid card) — docs/agent.md")
        {
            GlobalOptions.Data, GlobalOptions.Gateway, GlobalOptions.Reader, GlobalOptions.Lang, GlobalOptions.Json,
            PayCommand.Create(io),
            EnrollCommand.Create(io),
            ReadersCommand.Create(io),
            StatusCommand.Create(io),
            ReverseCommand.Create(io),
            TodayCommand.Create(io),
            SettlementCommand.Create(io),
            ComplaintCommand.Create(io),
        };
        return root;
    }

    /// <summary>Parses and runs; a mistake on the command line is exit code 2 with a plain message.</summary>
    public static async Task<int> RunAsync(string[] args, AgentIo io, CancellationToken cancellationToken = default)
    {
        var parse = Build(io).Parse(args);
        if (parse.Errors.Count > 0)
        {
            var english = args.Contains("en") && args.Contains("--lang");
            var notice = Notice.Error(Msg.BadCommandLine, string.Join("; ", parse.Errors.Select(e => e.Message.TrimEnd('.'))));
            var language = english ? Language.English : Language.Indonesian;
            if (args.Contains("--json"))
                io.Output.WriteLine(AgentContext.Serialize(new { outcome = "error", exitCode = ExitCodes.BadCommandLine, messageId = notice.Id.ToString(), message = notice.Render(language) }));
            else
                io.Error.WriteLine(notice.Render(language));
            return ExitCodes.BadCommandLine;
        }
        try
        {
            // Our own handler: the default one would print a stack trace to the operator.
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                Output = io.Output,
                Error = io.Error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = TimeSpan.FromSeconds(10),
            }, cancellationToken);
        }
        catch (Exception e)
        {
            io.Error.WriteLine(MessageCatalog.Render(Msg.UnexpectedProblem, Language.Indonesian));
            io.Error.WriteLine(MessageCatalog.Render(Msg.UnexpectedProblem, Language.English));
            WriteErrorLog(parse, e);
            return ExitCodes.Failed;
        }
    }

    /// <summary>The details go to the private data folder, for the admin; the operator sees plain words only.</summary>
    private static void WriteErrorLog(ParseResult parse, Exception e)
    {
        try
        {
            var folder = Configuration.DataFolders.Resolve(parse.GetValue(GlobalOptions.Data));
            Storage.PrivateFiles.AppendAllText(Path.Combine(folder, "errors.log"), $"{DateTimeOffset.UtcNow:O} {e}{Environment.NewLine}"); // makes the folder 0700 too
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
