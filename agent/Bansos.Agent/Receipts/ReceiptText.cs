using System.Globalization;
using System.Text;
using Bansos.Agent.Messages;

namespace Bansos.Agent.Receipts;

/// <summary>The receipt as plain text, 40 columns wide (fits a thermal printer and any text printer).</summary>
public static class ReceiptText
{
    public const int Width = 40;

    public static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    /// <summary>Times on receipts are WIB (UTC+7) whatever the PC's zone.</summary>
    public static string WibTime(DateTimeOffset at) => at.ToOffset(Wib).ToString("dd-MM-yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " WIB";

    public static IReadOnlyList<(string Label, string Value)> Lines(Receipt receipt, Language language) =>
    [
        (Label(Msg.LabelPoint, language), receipt.Point),
        (Label(Msg.LabelTerminal, language), receipt.TerminalId.ToString(CultureInfo.InvariantCulture)),
        (Label(Msg.LabelTime, language), WibTime(receipt.At)),
        (Label(Msg.LabelCard, language), receipt.MaskedCard),
        (Label(Msg.LabelPeriod, language), receipt.PeriodCode),
        (Label(Msg.LabelAmount, language), Rupiah.Format(receipt.Amount)),
        (Label(Msg.LabelBalanceAfter, language), Rupiah.Format(receipt.BalanceAfter)),
        (Label(Msg.LabelApprovalCode, language), receipt.ApprovalCode),
        (Label(Msg.LabelPayoutId, language), receipt.PayoutId),
    ];

    public static string Format(Receipt receipt, Language language)
    {
        var text = new StringBuilder();
        var rule = new string('=', Width);
        text.AppendLine(rule);
        text.AppendLine(Center(MessageCatalog.Render(Msg.ReceiptTitle, language)));
        if (receipt.Training) text.AppendLine(Center("*** " + MessageCatalog.Render(Msg.TrainingBanner, language) + " ***"));
        text.AppendLine(rule);
        foreach (var (label, value) in Lines(receipt, language))
        {
            // Label left, value right; a long value goes on its own line.
            var gap = Width - label.Length - value.Length;
            if (gap >= 1) text.Append(label).Append(' ', gap).AppendLine(value);
            else text.AppendLine(label).AppendLine(value.PadLeft(Width));
        }
        text.AppendLine(rule);
        return text.ToString();
    }

    private static string Label(Msg id, Language language) => MessageCatalog.Render(id, language);

    private static string Center(string line) => line.Length >= Width ? line : line.PadLeft(((Width - line.Length) / 2) + line.Length);
}
