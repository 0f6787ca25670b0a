using Bansos.Protos.Payout.V1;

namespace Bansos.Agent.Payout;

/// <summary>The payout service's terminal API as the agent uses it (gRPC through the gateway; a fake in unit tests).</summary>
public interface ITerminalClient
{
    Task<PingResponse> PingAsync(CancellationToken cancellationToken);

    Task<BeginPayoutResponse> BeginPayoutAsync(string cardNumber, CancellationToken cancellationToken);

    Task<AuthorizePayoutResponse> AuthorizePayoutAsync(AuthorizePayoutRequest request, CancellationToken cancellationToken);

    Task<RecordCardRefusalResponse> RecordCardRefusalAsync(RecordCardRefusalRequest request, CancellationToken cancellationToken);

    Task<ReversePayoutResponse> ReversePayoutAsync(string payoutId, string reason, CancellationToken cancellationToken);

    Task<ListTransactionsResponse> ListTransactionsAsync(string businessDate, CancellationToken cancellationToken);

    Task<Settlement> GetSettlementAsync(string businessDate, CancellationToken cancellationToken);
}
