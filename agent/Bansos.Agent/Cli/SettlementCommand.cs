using System.CommandLine;
using Bansos.Agent.Messages;
using Spectre.Console;

namespace Bansos.Agent.Cli;

/// <summary><c>settlement</c>: what the shop is reimbursed for a business day.</summary>
public static class SettlementCommand
{
    private static readonly Option<string?> Date = new("--date") { Description = "Tanggal YYYY-MM-DD (WIB), default: today" };

    public static Command Create(AgentIo io)
    {
        var command = new Command("settlement", "Rekap harian untuk penggantian (daily settlement)") { Date };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, io, (context, token) => RunAsync(context, parse.GetValue(Date), token), ct));
        return command;
    }

    private static async Task<int> RunAsync(AgentContext context, string? date, CancellationToken cancellationToken)
    {
        var terminal = await context.TerminalAsync(cancellationToken);
        var s = await terminal.GetSettlementAsync(date ?? "", cancellationToken);
        if (context.IsJson)
        {
            context.WriteJson(new
            {
                terminalId = s.TerminalId,
                businessDate = s.BusinessDate,
                approved = new { count = s.ApprovedCount, amount = s.ApprovedAmount },
                reversed = new { count = s.ReversedCount, amount = s.ReversedAmount },
                declined = new { count = s.DeclinedCount },
                net = new { count = s.NetCount, amount = s.NetAmount },
                training = new { count = s.TrainingCount, amount = s.TrainingAmount },
            });
            return ExitCodes.Done;
        }
        string L(Msg id) => Markup.Escape(MessageCatalog.Render(id, context.Language));
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"{L(Msg.LabelTerminal)} {s.TerminalId} — {s.BusinessDate}"))
            .AddColumn("").AddColumn(new TableColumn("#").RightAligned()).AddColumn(new TableColumn(L(Msg.LabelAmount)).RightAligned());
        table.AddRow(L(Msg.SettlementApproved), $"{s.ApprovedCount}", Rupiah.Format(s.ApprovedAmount));
        table.AddRow(L(Msg.SettlementReversed), $"{s.ReversedCount}", Rupiah.Format(s.ReversedAmount));
        table.AddRow(L(Msg.SettlementDeclined), $"{s.DeclinedCount}", "");
        table.AddRow($"[bold]{L(Msg.SettlementNet)}[/]", $"[bold]{s.NetCount}[/]", $"[bold]{Rupiah.Format(s.NetAmount)}[/]");
        // Training payouts apart, never in the net: no real money, nothing to reimburse.
        if (s.TrainingCount > 0 || context.Settings.Training)
            table.AddRow(L(Msg.SettlementTraining), $"{s.TrainingCount}", Rupiah.Format(s.TrainingAmount));
        context.Io.Console.Write(table);
        return ExitCodes.Done;
    }
}
