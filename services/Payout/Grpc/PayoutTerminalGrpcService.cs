using Bansos.Payout.Application;
using Bansos.ServiceDefaults.Auth;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Proto = Bansos.Protos.Payout.V1;

namespace Bansos.Payout.Grpc;

[Authorize(Roles = BansosRoles.Terminal)]
public sealed partial class PayoutTerminalGrpcService(
    ICurrentActor actor,
    PayoutChallenges challenges,
    PayoutAuthorizations authorizations,
    PayoutReversals reversals,
    TerminalDay day,
    CardRefusalRecorder refusals,
    TimeProvider time) : Proto.PayoutTerminalService.PayoutTerminalServiceBase
{
    public override Task<Proto.PingResponse> Ping(Proto.PingRequest request, ServerCallContext context) =>
        Task.FromResult(new Proto.PingResponse { TerminalId = TerminalCaller.IdOf(actor), ServerTime = ProtoMapping.ToProto(time.GetUtcNow()) });

    public override async Task<Proto.BeginPayoutResponse> BeginPayout(Proto.BeginPayoutRequest request, ServerCallContext context) =>
        ProtoMapping.ToProto(await challenges.BeginAsync(TerminalCaller.IdOf(actor), request.CardNumber, context.CancellationToken));

    public override async Task<Proto.AuthorizePayoutResponse> AuthorizePayout(Proto.AuthorizePayoutRequest request, ServerCallContext context)
    {
        var command = new AuthorizeCommand(request.ChallengeId, request.PeriodId, request.Amount, (int)Math.Min(request.Atc, (uint)int.MaxValue),
            request.Cryptogram.ToByteArray(), request.IdempotencyKey);
        return ProtoMapping.ToProto(await authorizations.AuthorizeAsync(TerminalCaller.IdOf(actor), command, context.CancellationToken));
    }

    public override async Task<Proto.ReversePayoutResponse> ReversePayout(Proto.ReversePayoutRequest request, ServerCallContext context)
    {
        var result = await reversals.ReverseAsync(TerminalCaller.IdOf(actor), actor.Subject, request.PayoutId, request.Reason, context.CancellationToken);
        return new Proto.ReversePayoutResponse
        {
            PayoutId = result.PayoutId.ToString(),
            Amount = result.Amount,
            BalanceAfter = result.BalanceAfter,
            ReversedAt = ProtoMapping.ToProto(result.ReversedAt),
        };
    }

    public override async Task<Proto.ListTransactionsResponse> ListTransactions(Proto.ListTransactionsRequest request, ServerCallContext context)
    {
        var (date, payouts, trainingPeriods) = await day.TransactionsAsync(TerminalCaller.IdOf(actor), request.BusinessDate, context.CancellationToken);
        return new Proto.ListTransactionsResponse
        {
            BusinessDate = Domain.BusinessCalendar.Format(date),
            Transactions = { payouts.Select(p => ProtoMapping.ToTransaction(p, trainingPeriods)) },
        };
    }

    public override async Task<Proto.Settlement> GetSettlement(Proto.GetSettlementRequest request, ServerCallContext context)
    {
        var terminalId = TerminalCaller.IdOf(actor);
        var (date, figures) = await day.SettlementAsync(terminalId, request.BusinessDate, context.CancellationToken);
        return ProtoMapping.ToSettlement(terminalId, date, figures);
    }
}
