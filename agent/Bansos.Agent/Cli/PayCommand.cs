using System.CommandLine;
using System.Globalization;
using Bansos.Agent.Messages;
using Bansos.Agent.Payout;
using Bansos.Agent.Receipts;
using Bansos.Agent.Session;
using Bansos.Agent.Storage;
using Bansos.Agent.Ui;
using Bansos.Protos.Payout.V1;

namespace Bansos.Agent.Cli;

/// <summary>
/// <c>pay</c>: the counter's main loop (card after card until Ctrl+C), or with <c>--json</c> one
/// payout: amount and period from arguments, the PIN attempts one per line on standard input.
/// </summary>
public static class PayCommand
{
    private static readonly Option<string?> Amount = new("--amount") { Description = "Jumlah rupiah (amount), default: the remaining balance" };
    private static readonly Option<string?> Period = new("--period") { Description = "Kode periode (period code), default: the first with a balance" };
    private static readonly Option<int> Wait = new("--wait") { Description = "Detik menunggu kartu (seconds to wait for a card) in --json mode", DefaultValueFactory = _ => 60 };
    private static readonly Option<bool> Once = new("--once") { Description = "Satu kartu lalu selesai (one card, then stop)" };

    public static Command Create(AgentIo io)
    {
        var command = new Command("pay", "Bayar dari kartu bansos (pay from an aid card)") { Amount, Period, Wait, Once };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, io, (context, token) => RunAsync(context, parse, token), ct));
        return command;
    }

    private static async Task<int> RunAsync(AgentContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        long? amount = null;
        if (parse.GetValue(Amount) is { } amountText)
        {
            if (!Rupiah.TryParse(amountText, out var parsed)) return CommandRunner.Fail(context, Notice.Error(Msg.AmountInvalid), ExitCodes.BadCommandLine);
            amount = parsed;
        }
        var terminal = await context.TerminalAsync(cancellationToken);
        var reader = context.Io.Reader(context.Settings.Reader);
        var pending = new PendingPayoutStore(context.DataFolder);
        var receipts = new ReceiptStore(context.DataFolder);
        var options = new PayoutSessionOptions
        {
            PointName = context.Settings.PointName,
            Training = context.Settings.Training,
            CardWait = context.IsJson ? TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(Wait))) : null,
        };
        if (context.Io.RetryDelay is { } delay) options = options with { RetryDelay = delay };

        if (context.IsJson)
        {
            var face = new JsonFace(amount, parse.GetValue(Period), context.Io.Input, context.Language);
            var session = new PayoutSession(reader, terminal, pending, receipts, face, context.Language, options);
            await CheckClockAsync(context, terminal, face.Show, cancellationToken);
            var earlier = await session.ResolvePendingAsync(cancellationToken);
            var outcome = earlier ?? await session.PayOnceAsync(cancellationToken);
            context.Notices.AddRange(face.Notices);
            context.WriteJson(ToJson(outcome, earlier is not null, context));
            return (int)outcome.Kind;
        }

        var ui = context.Face;
        var interactive = new PayoutSession(reader, terminal, pending, receipts, ui, context.Language, options);
        await CheckClockAsync(context, terminal, ui.Show, cancellationToken);
        if (await interactive.ResolvePendingAsync(cancellationToken) is { } resolved) ui.ShowOutcome(resolved);
        var last = OutcomeKind.NothingPaid;
        while (!cancellationToken.IsCancellationRequested)
        {
            var outcome = await interactive.PayOnceAsync(cancellationToken);
            ui.ShowOutcome(outcome);
            last = outcome.Kind;
            if (outcome.Kind == OutcomeKind.Unanswered || parse.GetValue(Once)) break;
            try
            {
                await interactive.WaitForRemovalAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return (int)last;
    }

    private static async Task CheckClockAsync(AgentContext context, ITerminalClient terminal, Action<Notice> show, CancellationToken cancellationToken)
    {
        try
        {
            var (_, skew) = await ClockCheck.MeasureAsync(terminal, context.Io.Time, cancellationToken);
            var notice = ClockCheck.Describe(skew);
            if (notice.Id == Msg.ClockSkew) show(notice);
        }
        catch (Grpc.Core.RpcException)
        {
            // Told when the card is read: BeginPayout meets the same gateway.
        }
    }

    /// <summary>The JSON answer of <c>pay --json</c> (fields in docs/agent.md).</summary>
    public static object ToJson(PayoutOutcome outcome, bool earlier, AgentContext context) => new
    {
        outcome = JsonNames.Of(outcome.Kind),
        exitCode = (int)outcome.Kind,
        paid = outcome.Paid,
        earlierPayout = earlier,
        messageId = outcome.Notice.Id.ToString(),
        message = outcome.Notice.Render(context.Language),
        note = outcome.Note?.Render(context.Language),
        noteId = outcome.Note?.Id.ToString(),
        declineReason = outcome.Reason is { } reason ? JsonNames.Of(reason) : null,
        card = outcome.MaskedCard,
        payoutId = outcome.PayoutId,
        approvalCode = outcome.Receipt?.ApprovalCode,
        amount = outcome.Receipt?.Amount,
        balanceAfter = outcome.Receipt?.BalanceAfter,
        time = outcome.Receipt is { } receipt ? ReceiptText.WibTime(receipt.At) : null,
        receiptFile = outcome.ReceiptFile,
        refusalRecorded = outcome.RefusalRecorded,
        training = context.Settings.Training,
        notices = context.Notices,
    };
}
