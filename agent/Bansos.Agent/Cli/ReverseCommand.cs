using System.CommandLine;
using Bansos.Agent.Messages;
using Bansos.Protos.Payout.V1;
using Spectre.Console;

namespace Bansos.Agent.Cli;

/// <summary><c>reverse</c>: undoes the last approved payout of today, or the one named, with a reason.</summary>
public static class ReverseCommand
{
    private static readonly Option<string?> PayoutId = new("--payout") { Description = "No. transaksi (payout id); default: today's last approved payout" };
    private static readonly Option<string?> Reason = new("--reason") { Description = "Alasan pembatalan, 3-200 huruf (reason)" };

    public static Command Create(AgentIo io)
    {
        var command = new Command("reverse", "Batalkan pembayaran hari ini (reverse a payout of today)") { PayoutId, Reason };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, io, (context, token) => RunAsync(context, parse, token), ct));
        return command;
    }

    private static async Task<int> RunAsync(AgentContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var terminal = await context.TerminalAsync(cancellationToken);
        var id = parse.GetValue(PayoutId);
        if (id is null)
        {
            var today = await terminal.ListTransactionsAsync("", cancellationToken);
            var open = today.Transactions.Where(t => t.Result == PayoutResult.Approved && !t.Reversed).ToList();
            if (open.Count == 0) return CommandRunner.Fail(context, Notice.Warning(Msg.NothingToReverse), ExitCodes.Declined);
            id = context.IsJson || open.Count == 1
                ? open[0].PayoutId
                : (await new SelectionPrompt<TransactionInfo>()
                    .UseConverter(t => Markup.Escape($"{t.CardNumber}  {Rupiah.Format(t.Amount)}  {t.ApprovalCode}"))
                    .AddChoices(open)
                    .ShowAsync(context.Io.Console, cancellationToken)).PayoutId;
        }
        var reason = parse.GetValue(Reason);
        if (reason is null && !context.IsJson)
            reason = await new TextPrompt<string>(Markup.Escape(MessageCatalog.Render(Msg.ReverseReasonInvalid, context.Language))).ShowAsync(context.Io.Console, cancellationToken);
        reason = reason?.Trim();
        if (reason is not { Length: >= 3 and <= 200 }) return CommandRunner.Fail(context, Notice.Error(Msg.ReverseReasonInvalid), ExitCodes.BadCommandLine);

        var answer = await terminal.ReversePayoutAsync(id, reason, cancellationToken);
        var notice = Notice.Success(Msg.Reversed, answer.PayoutId, Rupiah.Format(answer.Amount), Rupiah.Format(answer.BalanceAfter));
        if (context.IsJson)
        {
            context.WriteJson(new
            {
                outcome = "reversed",
                exitCode = ExitCodes.Done,
                payoutId = answer.PayoutId,
                amount = answer.Amount,
                balanceAfter = answer.BalanceAfter,
                message = notice.Render(context.Language),
            });
        }
        else
        {
            context.Tell(notice);
        }
        return ExitCodes.Done;
    }
}
