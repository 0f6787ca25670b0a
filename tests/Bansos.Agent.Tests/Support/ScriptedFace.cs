using Bansos.Agent.Messages;
using Bansos.Agent.Receipts;
using Bansos.Agent.Session;
using Bansos.Protos.Payout.V1;

namespace Bansos.Agent.Tests.Support;

/// <summary>A counter that answers from queues: amounts and PINs (null ends the queue as a cancel would).</summary>
internal sealed class ScriptedFace(IEnumerable<long?> amounts, IEnumerable<string?> pins) : IPayoutFace
{
    private readonly Queue<long?> amounts = new(amounts);
    private readonly Queue<string?> pins = new(pins);

    public List<Notice> Notices { get; } = [];

    public List<int?> PinPromptsTriesLeft { get; } = [];

    public CardSummary? Card { get; private set; }

    public Receipt? Receipt { get; private set; }

    public Action? OnPin { get; set; }

    public void Show(Notice notice) => Notices.Add(notice);

    public void ShowCard(CardSummary card) => Card = card;

    public Task<EntitlementInfo?> ChooseEntitlementAsync(IReadOnlyList<EntitlementInfo> payable, CancellationToken cancellationToken) =>
        Task.FromResult<EntitlementInfo?>(payable[0]);

    public Task<long?> AskAmountAsync(EntitlementInfo entitlement, CancellationToken cancellationToken) =>
        Task.FromResult(amounts.Count > 0 ? amounts.Dequeue() : entitlement.Balance);

    public Task<string?> AskPinAsync(int? triesLeft, CancellationToken cancellationToken)
    {
        PinPromptsTriesLeft.Add(triesLeft);
        OnPin?.Invoke();
        return Task.FromResult(pins.Count > 0 ? pins.Dequeue() : null);
    }

    public void ShowReceipt(Receipt receipt, string file) => Receipt = receipt;

    public Task<T> BusyAsync<T>(Msg what, Func<Task<T>> work) => work();
}
