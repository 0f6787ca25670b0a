using System.CommandLine;
using Bansos.Agent.Messages;
using Bansos.Agent.Receipts;
using Spectre.Console;

namespace Bansos.Agent.Cli;

/// <summary><c>today</c>: this terminal's transactions of a business day (WIB), newest first.</summary>
public static class TodayCommand
{
    public static readonly Option<string?> Date = new("--date") { Description = "Tanggal YYYY-MM-DD (WIB), default: today" };

    public static Command Create(AgentIo io)
    {
        var command = new Command("today", "Transaksi hari ini (today's transactions)") { Date };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, io, (context, token) => RunAsync(context, parse.GetValue(Date), token), ct));
        return command;
    }

    private static async Task<int> RunAsync(AgentContext context, string? date, CancellationToken cancellationToken)
    {
        var terminal = await context.TerminalAsync(cancellationToken);
        var list = await terminal.ListTransactionsAsync(date ?? "", cancellationToken);
        var lang = context.Language;
        if (context.IsJson)
        {
            context.WriteJson(new
            {
                businessDate = list.BusinessDate,
                transactions = list.Transactions.Select(t => new
                {
                    payoutId = t.PayoutId,
                    result = JsonNames.Of(t.Result),
                    declineReason = t.Result == Protos.Payout.V1.PayoutResult.Declined ? JsonNames.Of(t.DeclineReason) : null,
                    card = t.CardNumber,
                    amount = t.Amount,
                    approvalCode = t.ApprovalCode,
                    time = t.At is null ? null : ReceiptText.WibTime(t.At.ToDateTimeOffset()),
                    reversed = t.Reversed,
                    training = t.Training,
                }),
            });
            return ExitCodes.Done;
        }
        if (list.Transactions.Count == 0)
        {
            context.Tell(Notice.Info(Msg.NoTransactions, list.BusinessDate));
            return ExitCodes.Done;
        }
        string L(Msg id) => Markup.Escape(MessageCatalog.Render(id, lang));
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(list.BusinessDate))
            .AddColumn(L(Msg.LabelTime)).AddColumn(L(Msg.LabelCard)).AddColumn(new TableColumn(L(Msg.LabelAmount)).RightAligned())
            .AddColumn(L(Msg.LabelResult)).AddColumn(L(Msg.LabelApprovalCode));
        foreach (var t in list.Transactions)
        {
            var result = t.Reversed ? Msg.ResultReversed : t.Result == Protos.Payout.V1.PayoutResult.Approved ? Msg.ResultApproved : Msg.ResultDeclined;
            var text = MessageCatalog.Render(result, lang);
            if (t.Result == Protos.Payout.V1.PayoutResult.Declined) text += ": " + MessageCatalog.Decline(t.DeclineReason).In(lang);
            if (t.Training) text += $" ({MessageCatalog.Render(Msg.LabelTraining, lang)})";
            table.AddRow(Markup.Escape(t.At is null ? "" : ReceiptText.WibTime(t.At.ToDateTimeOffset())), Markup.Escape(t.CardNumber),
                Rupiah.Format(t.Amount), Markup.Escape(text), Markup.Escape(t.ApprovalCode));
        }
        context.Io.Console.Write(table);
        return ExitCodes.Done;
    }
}
