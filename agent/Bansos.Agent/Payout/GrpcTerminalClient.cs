using Bansos.Protos.Payout.V1;
using Grpc.Core;

namespace Bansos.Agent.Payout;

/// <summary>
/// <see cref="ITerminalClient"/> over the generated client. Every call has a deadline, so an
/// unreachable gateway ends as DEADLINE_EXCEEDED / UNAVAILABLE instead of hanging the counter.
/// </summary>
public sealed class GrpcTerminalClient(PayoutTerminalService.PayoutTerminalServiceClient client, TimeSpan callTimeout) : ITerminalClient
{
    private CallOptions Options(CancellationToken cancellationToken) => new(deadline: DateTime.UtcNow + callTimeout, cancellationToken: cancellationToken);

    public async Task<PingResponse> PingAsync(CancellationToken cancellationToken) =>
        await client.PingAsync(new PingRequest(), Options(cancellationToken));

    public async Task<BeginPayoutResponse> BeginPayoutAsync(string cardNumber, CancellationToken cancellationToken) =>
        await client.BeginPayoutAsync(new BeginPayoutRequest { CardNumber = cardNumber }, Options(cancellationToken));

    public async Task<AuthorizePayoutResponse> AuthorizePayoutAsync(AuthorizePayoutRequest request, CancellationToken cancellationToken) =>
        await client.AuthorizePayoutAsync(request, Options(cancellationToken));

    public async Task<RecordCardRefusalResponse> RecordCardRefusalAsync(RecordCardRefusalRequest request, CancellationToken cancellationToken) =>
        await client.RecordCardRefusalAsync(request, Options(cancellationToken));

    public async Task<ReversePayoutResponse> ReversePayoutAsync(string payoutId, string reason, CancellationToken cancellationToken) =>
        await client.ReversePayoutAsync(new ReversePayoutRequest { PayoutId = payoutId, Reason = reason }, Options(cancellationToken));

    public async Task<ListTransactionsResponse> ListTransactionsAsync(string businessDate, CancellationToken cancellationToken) =>
        await client.ListTransactionsAsync(new ListTransactionsRequest { BusinessDate = businessDate }, Options(cancellationToken));

    public async Task<Settlement> GetSettlementAsync(string businessDate, CancellationToken cancellationToken) =>
        await client.GetSettlementAsync(new GetSettlementRequest { BusinessDate = businessDate }, Options(cancellationToken));
}
