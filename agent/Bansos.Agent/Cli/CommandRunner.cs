using System.CommandLine;
using Bansos.Agent.Configuration;
using Bansos.Agent.Messages;
using Bansos.Agent.Payout;
using Bansos.Agent.Session;
using Bansos.PcSc;
using Grpc.Core;

namespace Bansos.Agent.Cli;

/// <summary>
/// Runs a command's body and turns whatever it could not handle into a plain message and an exit
/// code: the operator never sees an exception, a stack trace or a status code.
/// </summary>
public static class CommandRunner
{
    public static async Task<int> RunAsync(ParseResult parse, AgentIo io,
        Func<AgentContext, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        AgentContext context;
        try
        {
            context = AgentContext.Create(parse, io);
        }
        catch (AgentSetupException e)
        {
            return Fail(io, parse.GetValue(GlobalOptions.Json), Language.Indonesian, e.Notice, e.ExitCode, []);
        }
        using (context)
        {
            try
            {
                // The training banner heads every screen of a training installation.
                if (!context.IsJson) context.Face.Banner();
                return await body(context, cancellationToken);
            }
            catch (AgentSetupException e)
            {
                return Fail(context, e.Notice, e.ExitCode);
            }
            catch (PcScException e)
            {
                return Fail(context, ReaderProblems.For(e, context.Settings.Reader ?? ""), ExitCodes.ReaderProblem);
            }
            catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
            {
                return Fail(context, ServiceProblem.From(e).Notice, ExitCodes.GatewayProblem);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Security.Cryptography.CryptographicException)
            {
                return Fail(context, Notice.Error(Msg.DataFolderProblem, context.Settings.DataFolder, ProblemName(e)), ExitCodes.Failed);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return Fail(context, Notice.Warning(Msg.Cancelled), ExitCodes.NothingPaid);
            }
        }
    }

    public static int Fail(AgentContext context, Notice notice, int exitCode) =>
        Fail(context.Io, context.IsJson, context.Language, notice, exitCode, context.Notices);

    private static int Fail(AgentIo io, bool json, Language language, Notice notice, int exitCode, IReadOnlyList<Ui.JsonNotice> notices)
    {
        if (json)
        {
            io.Output.WriteLine(AgentContext.Serialize(new
            {
                outcome = "error",
                exitCode,
                messageId = notice.Id.ToString(),
                message = notice.Render(language),
                notices,
            }));
        }
        else
        {
            new Ui.SpectreFace(io.Console, language, training: false).Show(notice);
        }
        return exitCode;
    }

    /// <summary>Which kind of file problem, in words an operator can pass on (not an exception name).</summary>
    private static string ProblemName(Exception e) => e switch
    {
        UnauthorizedAccessException => "no permission / tidak ada izin",
        InvalidDataException or System.Security.Cryptography.CryptographicException => "damaged file / berkas rusak",
        _ => "cannot read or write / tidak bisa dibaca atau ditulis",
    };
}
