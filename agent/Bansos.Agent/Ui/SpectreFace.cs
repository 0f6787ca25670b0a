using Bansos.Agent.Messages;
using Bansos.Agent.Receipts;
using Bansos.Agent.Session;
using Bansos.Protos.Payout.V1;
using Spectre.Console;

namespace Bansos.Agent.Ui;

/// <summary>The terminal UI: tables for the card and the receipt, a spinner while the gateway works, hidden PIN entry.</summary>
public sealed class SpectreFace(IAnsiConsole console, Language language, bool training) : IPayoutFace
{
    private string Say(Msg id, params object[] args) => MessageCatalog.Render(id, language, args);

    /// <summary>The training banner, on every screen of a training installation.</summary>
    public void Banner()
    {
        if (training) console.Write(new Rule($"[black on yellow] {Markup.Escape(Say(Msg.TrainingBanner))} [/]").RuleStyle("yellow"));
    }

    public void Show(Notice notice)
    {
        var colour = notice.Level switch
        {
            NoticeLevel.Success => "green",
            NoticeLevel.Warning => "yellow",
            NoticeLevel.Error => "red",
            _ => "default",
        };
        console.MarkupLine($"[{colour}]{Markup.Escape(notice.Render(language))}[/]");
    }

    public void ShowCard(CardSummary card)
    {
        Banner();
        var details = new Table().HideHeaders().Border(TableBorder.Rounded).AddColumn("").AddColumn("");
        details.AddRow(Markup.Escape(Say(Msg.LabelCard)), Markup.Escape(card.MaskedCard));
        details.AddRow(Markup.Escape(Say(Msg.LabelHolder)), Markup.Escape(card.HolderName));
        details.AddRow(Markup.Escape(Say(Msg.LabelHousehold)), Markup.Escape($"{card.HouseholdReference} ({card.VillageCode})"));
        console.Write(details);
        if (card.Entitlements.Count == 0) return;
        var entitlements = new Table().Border(TableBorder.Rounded)
            .AddColumn(Markup.Escape(Say(Msg.LabelPeriod)))
            .AddColumn(Markup.Escape(Say(Msg.LabelProgramme)))
            .AddColumn(new TableColumn(Markup.Escape(Say(Msg.LabelAmount))).RightAligned())
            .AddColumn(new TableColumn(Markup.Escape(Say(Msg.LabelBalance))).RightAligned());
        foreach (var e in card.Entitlements)
            entitlements.AddRow(Markup.Escape(e.Training ? $"{e.PeriodCode} ({Say(Msg.LabelTraining)})" : e.PeriodCode), Markup.Escape(e.Programme),
                Rupiah.Format(e.Amount), Rupiah.Format(e.Balance));
        console.Write(entitlements);
    }

    public async Task<EntitlementInfo?> ChooseEntitlementAsync(IReadOnlyList<EntitlementInfo> payable, CancellationToken cancellationToken) =>
        await new SelectionPrompt<EntitlementInfo>()
            .Title(Markup.Escape(Say(Msg.ChooseEntitlement)))
            .UseConverter(e => Markup.Escape($"{e.PeriodCode} — {Rupiah.Format(e.Balance)}"))
            .AddChoices(payable)
            .ShowAsync(console, cancellationToken);

    public async Task<long?> AskAmountAsync(EntitlementInfo entitlement, CancellationToken cancellationToken)
    {
        var balance = Rupiah.Format(entitlement.Balance);
        var text = await new TextPrompt<string>(Markup.Escape(Say(Msg.EnterAmount, balance)))
            .DefaultValue(balance)
            .Validate(input => !Rupiah.TryParse(input, out var amount) || amount <= 0
                ? ValidationResult.Error(Markup.Escape(Say(Msg.AmountInvalid)))
                : amount > entitlement.Balance
                    ? ValidationResult.Error(Markup.Escape(Say(Msg.AmountAboveBalance, Rupiah.Format(amount), balance)))
                    : ValidationResult.Success())
            .ShowAsync(console, cancellationToken);
        return Rupiah.TryParse(text, out var value) ? value : null;
    }

    public async Task<string?> AskPinAsync(int? triesLeft, CancellationToken cancellationToken)
    {
        var label = Say(Msg.EnterPin);
        if (triesLeft is > 0 and < 3) label = Say(Msg.WrongPin, triesLeft) + Environment.NewLine + label;
        return await new TextPrompt<string>(Markup.Escape(label))
            .Secret()
            .Validate(pin => pin.Length == 6 && pin.All(char.IsAsciiDigit) ? ValidationResult.Success() : ValidationResult.Error(Markup.Escape(Say(Msg.PinFormat))))
            .ShowAsync(console, cancellationToken);
    }

    public void ShowReceipt(Receipt receipt, string file)
    {
        console.Write(new Panel(new Spectre.Console.Text(ReceiptText.Format(receipt, language))).Header(Markup.Escape(Say(Msg.ReceiptTitle))).Border(BoxBorder.Double));
        Show(Notice.Info(Msg.ReceiptSaved, file));
    }

    public Task<T> BusyAsync<T>(Msg what, Func<Task<T>> work) =>
        console.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(Say(what)), _ => work());

    /// <summary>Shows how a session ended, with its second notice if there is one.</summary>
    public void ShowOutcome(PayoutOutcome outcome)
    {
        if (outcome.Note is { } note && outcome.Kind == OutcomeKind.Approved) Show(note);
        Show(outcome.Notice);
        if (outcome.Note is { } after && outcome.Kind != OutcomeKind.Approved) Show(after);
    }
}
