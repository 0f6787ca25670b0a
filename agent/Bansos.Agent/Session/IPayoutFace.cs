using Bansos.Agent.Messages;
using Bansos.Agent.Receipts;
using Bansos.Protos.Payout.V1;

namespace Bansos.Agent.Session;

/// <summary>
/// What a payout session asks of the person at the counter, and shows them: the terminal UI
/// (Spectre.Console) or the non-interactive JSON mode. A null answer means the operator cancelled.
/// </summary>
public interface IPayoutFace
{
    void Show(Notice notice);

    void ShowCard(CardSummary card);

    Task<EntitlementInfo?> ChooseEntitlementAsync(IReadOnlyList<EntitlementInfo> payable, CancellationToken cancellationToken);

    /// <summary>The amount in rupiah; the face offers <paramref name="entitlement"/>'s balance as the default.</summary>
    Task<long?> AskAmountAsync(EntitlementInfo entitlement, CancellationToken cancellationToken);

    /// <summary>The beneficiary's PIN, typed hidden; <paramref name="triesLeft"/> is shown when known.</summary>
    Task<string?> AskPinAsync(int? triesLeft, CancellationToken cancellationToken);

    void ShowReceipt(Receipt receipt, string file);

    /// <summary>Runs <paramref name="work"/> while showing that the agent is busy (a spinner).</summary>
    Task<T> BusyAsync<T>(Msg what, Func<Task<T>> work);
}
