using System.CommandLine;
using Bansos.Agent.Configuration;
using Bansos.Agent.Messages;
using Bansos.Agent.Payout;
using Bansos.Agent.Session;
using Bansos.Agent.Storage;
using Bansos.PcSc;
using Grpc.Core;
using Spectre.Console;

namespace Bansos.Agent.Cli;

/// <summary><c>status</c>: gateway reachable, certificate valid until, reader and card, clock skew, a payout waiting for its answer.</summary>
public static class StatusCommand
{
    public static Command Create(AgentIo io)
    {
        var command = new Command("status", "Keadaan agen (agent status)");
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, io, RunAsync, ct));
        return command;
    }

    private static async Task<int> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var lang = context.Language;
        var credentials = context.Credentials.Load();
        string certificate = credentials is null
            ? MessageCatalog.Render(context.Settings.Gateway?.Scheme == "http" ? Msg.StatusDevelopmentToken : Msg.StatusNoCertificate, lang)
            : MessageCatalog.Render(Msg.StatusValidUntil, lang, AgentContext.Day(credentials.NotAfter));

        string gateway;
        long? terminalId = null;
        TimeSpan? skew = null;
        Notice? gatewayProblem = null;
        try
        {
            var terminal = await context.TerminalAsync(cancellationToken);
            (var id, var measured) = await ClockCheck.MeasureAsync(terminal, context.Io.Time, cancellationToken);
            (terminalId, skew) = (id, measured);
            gateway = MessageCatalog.Render(Msg.StatusReachable, lang, id);
        }
        catch (Exception e) when (e is RpcException or AgentSetupException)
        {
            gatewayProblem = e is RpcException rpc ? ServiceProblem.From(rpc).Notice : ((AgentSetupException)e).Notice;
            gateway = MessageCatalog.Render(Msg.StatusUnreachable, lang) + " — " + gatewayProblem.Render(lang);
        }

        var reader = context.Io.Reader(context.Settings.Reader);
        string readerState;
        Notice? readerProblem = null;
        bool? cardPresent = null;
        try
        {
            cardPresent = reader.CheckCardPresent();
            readerState = $"{reader.Name}: {MessageCatalog.Render(cardPresent.Value ? Msg.StatusCardPresent : Msg.StatusReaderEmpty, lang)}";
        }
        catch (PcScException e)
        {
            readerProblem = ReaderProblems.For(e, reader.Name);
            readerState = readerProblem.Render(lang);
        }

        var pending = new PendingPayoutStore(context.Settings.DataFolder).Load();
        var clock = skew is { } s ? ClockCheck.Describe(s) : null;
        var exit = gatewayProblem is not null ? ExitCodes.GatewayProblem : readerProblem is not null ? ExitCodes.ReaderProblem : ExitCodes.Done;
        if (context.IsJson)
        {
            context.WriteJson(new
            {
                exitCode = exit,
                gateway = new { address = context.Settings.Gateway?.ToString(), reachable = gatewayProblem is null, terminalId, problem = gatewayProblem?.Render(lang) },
                certificate = new { enrolled = credentials is not null, notAfter = credentials?.NotAfter, renewalDue = credentials?.IsRenewalDue(context.Io.Time.GetUtcNow()) },
                reader = new { name = reader.Name, cardPresent, problem = readerProblem?.Render(lang) },
                clock = new { skewSeconds = skew is { } k ? (long?)Math.Round(k.TotalSeconds) : null, message = clock?.Render(lang) },
                pendingPayout = pending is null ? null : new { amount = pending.Amount, card = pending.MaskedCard, since = pending.CreatedAt },
            });
            return exit;
        }
        var table = new Table().HideHeaders().Border(TableBorder.Rounded).AddColumn("").AddColumn("");
        table.AddRow(Markup.Escape(MessageCatalog.Render(Msg.LabelGateway, lang)), Markup.Escape($"{context.Settings.Gateway} — {gateway}"));
        table.AddRow(Markup.Escape(MessageCatalog.Render(Msg.LabelCertificate, lang)), Markup.Escape(certificate));
        table.AddRow(Markup.Escape(MessageCatalog.Render(Msg.LabelReader, lang)), Markup.Escape(readerState));
        table.AddRow(Markup.Escape(MessageCatalog.Render(Msg.LabelClock, lang)), Markup.Escape(clock?.Render(lang) ?? "-"));
        context.Io.Console.Write(table);
        if (pending is not null) context.Tell(Notice.Warning(Msg.PendingLeft));
        return exit;
    }
}
