using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Bansos.Agent.Complaints;
using Bansos.Agent.Messages;
using Bansos.Protos.Complaint.V1;
using Grpc.Core;
using Spectre.Console;

namespace Bansos.Agent.Cli;

/// <summary>
/// <c>complaint</c>: files a complaint with the complaint service (channel AGENT) for the household
/// of the card in the reader, or for a walk-in person in the point's village, and shows the ticket
/// number and its due date (WIB). With <c>--json</c> the form is one JSON object on standard input.
/// </summary>
public static class ComplaintCommand
{
    private static readonly Option<bool> Card = new("--card") { Description = "Untuk keluarga pemilik kartu di pembaca (for the household of the card in the reader)" };
    private static readonly Option<string?> Payout = new("--payout") { Description = "No. transaksi yang diadukan (payout id), or 'last': today's last payout of the card at hand" };
    private static readonly Option<string?> Village = new("--village") { Description = "Kode desa posko (the point's village code); default: \"village\" in agent.json" };

    private static readonly JsonSerializerOptions FormJson = new(JsonSerializerDefaults.Web);

    public static Command Create(AgentIo io)
    {
        var command = new Command("complaint",
            "Catat pengaduan (file a complaint). --json: one object on standard input, " +
            $"{{\"category\": \"{ComplaintCategories.All[0].Name}\", \"description\": \"…\", \"name\": \"…\", \"phone\": \"…\", \"nik\": \"…\"}}; categories: {ComplaintCategories.Names}")
        {
            Card, Payout, Village,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, io, (context, token) => RunAsync(context, parse, token), ct));
        return command;
    }

    private static async Task<int> RunAsync(AgentContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var console = context.Io.Console;

        ComplaintForm? jsonForm = null;
        if (context.IsJson)
        {
            jsonForm = ReadForm(context.Io.Input);
            if (jsonForm is null) return CommandRunner.Fail(context, Notice.Error(Msg.ComplaintIncomplete), ExitCodes.BadCommandLine);
        }

        HouseholdAtHand? household = null;
        var reader = context.Io.Reader(context.Settings.Reader);
        var forCard = parse.GetValue(Card)
            || (!context.IsJson && reader.IsCardPresent() && await new ConfirmationPrompt(Markup.Escape(MessageCatalog.Render(Msg.ComplaintForCard, language))).ShowAsync(console, cancellationToken));
        if (forCard)
        {
            var terminal = await context.TerminalAsync(cancellationToken);
            var (read, problem) = await HouseholdAtHand.ReadAsync(reader, terminal, cancellationToken);
            if (problem is not null)
                return CommandRunner.Fail(context, problem, problem.Id is Msg.NotBansosCard or Msg.CardUnreadable or Msg.CardBlank ? ExitCodes.CardRefused : ExitCodes.ReaderProblem);
            household = read!;
            if (household.HouseholdId is null) context.Tell(Notice.Warning(Msg.ComplaintCardHouseholdUnknown));
        }

        var village = household?.VillageCode ?? parse.GetValue(Village) ?? context.Settings.Village;
        if (village is null && !context.IsJson)
            village = await Ask(console, Msg.ComplaintAskVillage, language, ComplaintInput.Village, optional: false, cancellationToken);
        if (village is null) return CommandRunner.Fail(context, Notice.Error(Msg.ComplaintVillageMissing), ExitCodes.BadCommandLine);
        if (ComplaintInput.Village(village) is { } badVillage) return CommandRunner.Fail(context, Notice.Error(badVillage), ExitCodes.BadCommandLine);

        var payoutId = await PayoutAsync(context, parse.GetValue(Payout), household, cancellationToken);
        if (payoutId is { Length: 0 }) return CommandRunner.Fail(context, Notice.Error(Msg.ComplaintPayoutInvalid), ExitCodes.BadCommandLine);

        var form = jsonForm ?? await AskFormAsync(console, language, context.Io.Time, cancellationToken);
        var today = Today(context.Io.Time);
        if (form.Problems(today) is { Count: > 0 } problems)
        {
            foreach (var p in problems.Skip(1)) context.Tell(Notice.Error(p));
            return CommandRunner.Fail(context, Notice.Error(problems[0]), ExitCodes.BadCommandLine);
        }

        var cardNote = household is { HouseholdId: null } ? MessageCatalog.Render(Msg.ComplaintCardNote, Language.Indonesian, household.MaskedCard) : null;
        var request = form.ToRequest(village, household?.HouseholdId, payoutId, cardNote);
        var complaints = await context.ComplaintsAsync(cancellationToken);
        Complaint ticket;
        try
        {
            ticket = context.IsJson
                ? await complaints.FileAsync(request, cancellationToken)
                : await context.Face.BusyAsync(Msg.ComplaintSending, () => complaints.FileAsync(request, cancellationToken));
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unimplemented)
        {
            return CommandRunner.Fail(context, Notice.Warning(Msg.ComplaintNotAvailable), ExitCodes.NotAvailable);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
        {
            var refusals = ComplaintRefusals.From(e);
            foreach (var r in refusals.Skip(1)) context.Tell(r);
            return CommandRunner.Fail(context, refusals[0], ExitCodes.BadCommandLine);
        }

        var due = DueText(ticket.DueAt?.ToDateTimeOffset());
        var filed = Notice.Success(Msg.ComplaintFiled, ticket.Number, due);
        if (context.IsJson)
        {
            context.WriteJson(new
            {
                outcome = "filed",
                exitCode = ExitCodes.Done,
                messageId = filed.Id.ToString(),
                message = filed.Render(language),
                complaintId = ticket.ComplaintId,
                number = ticket.Number,
                dueAt = ticket.DueAt?.ToDateTimeOffset(),
                due,
                villageCode = ticket.VillageCode,
                category = JsonNames.Of(ticket.Category),
                householdId = ticket.HouseholdId.Length > 0 ? ticket.HouseholdId : null,
                payoutId = ticket.PayoutId.Length > 0 ? ticket.PayoutId : null,
                card = household?.MaskedCard,
                notices = context.Notices,
            });
            return ExitCodes.Done;
        }

        string L(Msg id) => Markup.Escape(MessageCatalog.Render(id, language));
        var table = new Table().HideHeaders().Border(TableBorder.Rounded).AddColumn("").AddColumn("");
        table.AddRow(L(Msg.LabelTicket), $"[bold]{Markup.Escape(ticket.Number)}[/]");
        table.AddRow(L(Msg.LabelDue), Markup.Escape(due));
        table.AddRow(L(Msg.LabelCategory), L(ComplaintCategories.Label(ticket.Category)));
        table.AddRow(L(Msg.LabelVillage), Markup.Escape(ticket.VillageCode));
        if (household is not null) table.AddRow(L(Msg.LabelCard), Markup.Escape(household.MaskedCard));
        console.Write(table);
        context.Tell(filed);
        return ExitCodes.Done;
    }

    /// <summary>
    /// The payout complained about: the one named; <c>last</c>, today's last approved payout of the
    /// card at hand ("" when there is none); in the terminal UI one chosen from the card's payouts of
    /// today, or none.
    /// </summary>
    private static async Task<string?> PayoutAsync(AgentContext context, string? given, HouseholdAtHand? household, CancellationToken cancellationToken)
    {
        var last = string.Equals(given, "last", StringComparison.OrdinalIgnoreCase);
        if (given is not null && !last) return given;
        if (household is null) return last ? "" : null;
        var terminal = await context.TerminalAsync(cancellationToken);
        var today = (await terminal.ListTransactionsAsync("", cancellationToken)).Transactions
            .Where(t => t.CardNumber == household.MaskedCard && t.Result == Protos.Payout.V1.PayoutResult.Approved).ToList();
        if (last) return today.Count > 0 ? today[0].PayoutId : "";
        if (context.IsJson || today.Count == 0) return null;
        var none = new Protos.Payout.V1.TransactionInfo();
        var chosen = await new SelectionPrompt<Protos.Payout.V1.TransactionInfo>()
            .Title(Markup.Escape(MessageCatalog.Render(Msg.ComplaintChoosePayout, context.Language)))
            .UseConverter(t => Markup.Escape(t == none
                ? MessageCatalog.Render(Msg.ComplaintNoPayout, context.Language)
                : $"{Receipts.ReceiptText.WibTime(t.At.ToDateTimeOffset())}  {Rupiah.Format(t.Amount)}  {t.ApprovalCode}"))
            .AddChoices([none, .. today])
            .ShowAsync(context.Io.Console, cancellationToken);
        return chosen == none ? null : chosen.PayoutId;
    }

    /// <summary>The form from standard input (one JSON object); null when it is not one.</summary>
    private static ComplaintForm? ReadForm(TextReader input)
    {
        try
        {
            return JsonSerializer.Deserialize<ComplaintForm>(input.ReadToEnd(), FormJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<ComplaintForm> AskFormAsync(IAnsiConsole console, Language language, TimeProvider time, CancellationToken cancellationToken)
    {
        var category = await new SelectionPrompt<(ComplaintCategory Category, Msg Label, string Name)>()
            .Title(Markup.Escape(MessageCatalog.Render(Msg.ComplaintChooseCategory, language)))
            .UseConverter(c => Markup.Escape(MessageCatalog.Render(c.Label, language)))
            .AddChoices(ComplaintCategories.All)
            .ShowAsync(console, cancellationToken);
        var today = Today(time);
        var description = await Ask(console, Msg.ComplaintAskDescription, language, ComplaintInput.Description, optional: false, cancellationToken);
        var name = await Ask(console, Msg.ComplaintAskName, language, ComplaintInput.Name, optional: false, cancellationToken);
        var phone = await Ask(console, Msg.ComplaintAskPhone, language, ComplaintInput.Phone, optional: true, cancellationToken);
        var nik = await Ask(console, Msg.ComplaintAskNik, language, text => ComplaintInput.Nik(text, today), optional: true, cancellationToken);
        return new ComplaintForm(category.Name, description, name, phone, nik);
    }

    /// <summary>One line, asked again with the catalogue's words until <paramref name="check"/> passes.</summary>
    private static Task<string> Ask(IAnsiConsole console, Msg question, Language language, Func<string?, Msg?> check, bool optional, CancellationToken cancellationToken)
    {
        var prompt = new TextPrompt<string>(Markup.Escape(MessageCatalog.Render(question, language)))
            .Validate(text => check(text) is { } problem ? ValidationResult.Error(Markup.Escape(MessageCatalog.Render(problem, language))) : ValidationResult.Success());
        if (optional) prompt.AllowEmpty();
        return prompt.ShowAsync(console, cancellationToken);
    }

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);

    /// <summary>The due time is the start of the day after the last one (docs/complaint.md): shown as the last day's 23:59 WIB.</summary>
    internal static string DueText(DateTimeOffset? due) =>
        due is { } at ? at.ToOffset(TimeSpan.FromHours(7)).AddMinutes(-1).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture) : "-";
}
