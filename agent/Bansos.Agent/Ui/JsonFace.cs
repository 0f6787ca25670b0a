using Bansos.Agent.Messages;
using Bansos.Agent.Receipts;
using Bansos.Agent.Session;
using Bansos.Protos.Payout.V1;

namespace Bansos.Agent.Ui;

/// <summary>
/// The non-interactive face: the amount and period come from arguments, each PIN attempt is one
/// line of standard input (never an argument), notices are collected for the JSON answer.
/// </summary>
public sealed class JsonFace(long? amount, string? periodCode, TextReader pins, Language language) : IPayoutFace
{
    public List<JsonNotice> Notices { get; } = [];

    public void Show(Notice notice) => Notices.Add(JsonNotice.From(notice, language));

    public void ShowCard(CardSummary card)
    {
    }

    public Task<EntitlementInfo?> ChooseEntitlementAsync(IReadOnlyList<EntitlementInfo> payable, CancellationToken cancellationToken) =>
        Task.FromResult(periodCode is null
            ? (payable.Count > 0 ? payable[0] : null)
            : payable.FirstOrDefault(e => string.Equals(e.PeriodCode, periodCode, StringComparison.OrdinalIgnoreCase)));

    public Task<long?> AskAmountAsync(EntitlementInfo entitlement, CancellationToken cancellationToken)
    {
        if (periodCode is not null && !string.Equals(entitlement.PeriodCode, periodCode, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult<long?>(null);
        return Task.FromResult<long?>(amount ?? entitlement.Balance);
    }

    public async Task<string?> AskPinAsync(int? triesLeft, CancellationToken cancellationToken) =>
        (await pins.ReadLineAsync(cancellationToken))?.Trim();

    public void ShowReceipt(Receipt receipt, string file)
    {
    }

    public Task<T> BusyAsync<T>(Msg what, Func<Task<T>> work) => work();
}
