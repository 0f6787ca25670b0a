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
    PayoutAuthorisations authorisations,
    PayoutReversals reversals,
    TerminalDay day,
    CardRefusalRecorder refusals,
    TrainingPeriods training,
    TimeProvider time) : Proto.PayoutTerminalService.PayoutTerminalServiceBase
{
    public override Task<Proto.PingResponse> Ping(Proto.PingRequest request, ServerCallContext context) =>
        Task.FromResult(new Proto.PingResponse { TerminalId = TerminalCaller.IdOf(actor), ServerTime = ProtoMapping.ToProto(time.GetUtcNow()) });

    public override async Task<Proto.BeginPayoutResponse> BeginPayout(Proto.BeginPayoutRequest request, ServerCallContext context)
    {
        var result = await challenges.BeginAsync(TerminalCaller.IdOf(actor), request.CardNumber, context.CancellationToken);
        var response = ProtoMapping.ToProto(result);
        if (response.Entitlements.Count > 0)
        {
            // The agent's training banner: which of the offered periods are training periods (from memory after the first ask).
            var trainingPeriods = await training.AmongAsync(response.Entitlements.Select(e => (long)e.PeriodId), context.CancellationToken);
            foreach (var entitlement in response.Entitlements)
            {
                entitlement.Training = trainingPeriods.Contains(entitlement.PeriodId);
            }
        }

        return response;
    }

    public override async Task<Proto.AuthorizePayoutResponse> AuthorizePayout(Proto.AuthorizePayoutRequest request, ServerCallContext context)
    {
        var command = new AuthoriseCommand(request.ChallengeId, request.PeriodId, request.Amount, (int)Math.Min(request.Atc, (uint)int.MaxValue),
            request.Cryptogram.ToByteArray(), request.IdempotencyKey);
        return ProtoMapping.ToProto(await authorisations.AuthoriseAsync(TerminalCaller.IdOf(actor), command, context.CancellationToken));
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
        var (date, payouts) = await day.TransactionsAsync(TerminalCaller.IdOf(actor), request.BusinessDate, context.CancellationToken);
        var trainingPeriods = await training.AmongAsync(payouts.Select(p => p.PeriodId), context.CancellationToken);
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
