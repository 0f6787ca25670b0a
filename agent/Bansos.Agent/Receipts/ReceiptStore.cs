using System.Globalization;
using Bansos.Agent.Messages;
using Bansos.Agent.Storage;

namespace Bansos.Agent.Receipts;

/// <summary>Receipts as text files in <c>receipts/</c> of the data folder, one per approved payout, ready to print.</summary>
public sealed class ReceiptStore(string dataFolder)
{
    public string Folder { get; } = Path.Combine(dataFolder, "receipts");

    public string Save(Receipt receipt, Language language)
    {
        var stamp = receipt.At.ToOffset(ReceiptText.Wib).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var safeId = string.Concat(receipt.PayoutId.Where(char.IsAsciiLetterOrDigit));
        var path = Path.Combine(Folder, $"{stamp}-{(safeId.Length > 12 ? safeId[..12] : safeId)}.txt");
        PrivateFiles.WriteAllText(path, ReceiptText.Format(receipt, language));
        return path;
    }
}
