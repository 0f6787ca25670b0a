using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using Bansos.Agent.Configuration;
using Bansos.Agent.Connection;
using Bansos.Agent.Enrolment;
using Bansos.Agent.Messages;
using Bansos.Protos.Gateway.V1;
using Grpc.Core;
using Spectre.Console;

namespace Bansos.Agent.Cli;

/// <summary>
/// <c>enroll</c>: trades the admin's one-time code (typed at a hidden prompt, or one line on
/// standard input — never an argument) and a CSR for the terminal's certificate.
/// </summary>
public static class EnrollCommand
{
    private static readonly Option<string?> GatewayCa = new("--gateway-ca") { Description = "Berkas PEM CA gateway (the gateway's CA, PEM file); default: the system's roots" };
    private static readonly Option<string?> Point = new("--point") { Description = "Nama titik layanan untuk struk (service point name for receipts)" };
    private static readonly Option<string?> Village = new("--village") { Description = "Kode desa titik layanan, untuk pengaduan (the point's village code, for complaints)" };
    private static readonly Option<bool> Force = new("--force") { Description = "Daftar ulang walau sudah terdaftar (enrol again)" };

    public static Command Create(AgentIo io)
    {
        var command = new Command("enroll", "Daftarkan agen ini dengan kode dari admin (enrol this agent with the admin's code)") { GatewayCa, Point, Village, Force };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, io, (context, token) => RunAsync(context, parse, token), ct));
        return command;
    }

    private static async Task<int> RunAsync(AgentContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var gateway = context.Settings.Gateway ?? throw new AgentSetupException(Notice.Error(Msg.AddressInvalid, "-")) { ExitCode = ExitCodes.BadCommandLine };
        var store = context.Credentials;
        if (store.Load() is { } existing && !parse.GetValue(Force))
            return CommandRunner.Fail(context, Notice.Warning(Msg.AlreadyEnrolled, existing.TerminalId), ExitCodes.Failed);

        var code = context.IsJson || Console.IsInputRedirected
            ? await context.Io.Input.ReadLineAsync(cancellationToken)
            : await new TextPrompt<string>(Markup.Escape(MessageCatalog.Render(Msg.EnrolmentCodeMissing, context.Language))).Secret().ShowAsync(context.Io.Console, cancellationToken);
        if (string.IsNullOrWhiteSpace(code)) return CommandRunner.Fail(context, Notice.Error(Msg.EnrolmentCodeMissing), ExitCodes.BadCommandLine);

        using var ca = parse.GetValue(GatewayCa) is { } caFile ? X509Certificate2.CreateFromPem(File.ReadAllText(caFile)) : null;
        using var channel = AgentChannels.ForEnrolment(gateway, ca);
        var client = new GrpcEnrolmentClient(new TerminalEnrolmentService.TerminalEnrolmentServiceClient(channel), AgentContext.CallTimeout);
        TerminalCredentials credentials;
        try
        {
            credentials = await new TerminalEnrolment(store, context.Io.Time).EnrollAsync(client, code, cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unimplemented)
        {
            return CommandRunner.Fail(context, Notice.Error(Msg.EnrolmentNotAvailable), ExitCodes.NotAvailable);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.PermissionDenied or StatusCode.Unauthenticated or StatusCode.InvalidArgument
                                         or StatusCode.NotFound or StatusCode.FailedPrecondition)
        {
            return CommandRunner.Fail(context, Notice.Error(Msg.EnrolmentRefused), ExitCodes.GatewayProblem);
        }

        var file = AgentConfigFile.Load(context.Settings.ConfigFile);
        (file with { Gateway = gateway.ToString(), Point = parse.GetValue(Point) ?? file.Point, Village = parse.GetValue(Village) ?? file.Village }).Save(context.Settings.ConfigFile);
        var notice = Notice.Success(Msg.Enrolled, credentials.TerminalId, AgentContext.Day(credentials.NotAfter));
        if (context.IsJson) context.WriteJson(new { outcome = "enrolled", exitCode = 0, terminalId = credentials.TerminalId, notAfter = credentials.NotAfter, message = notice.Render(context.Language) });
        else context.Tell(notice);
        return ExitCodes.Done;
    }
}
