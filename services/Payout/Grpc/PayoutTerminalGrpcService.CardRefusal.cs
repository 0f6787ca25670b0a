using Bansos.Payout.Domain;
using Grpc.Core;
using Proto = Bansos.Protos.Payout.V1;

namespace Bansos.Payout.Grpc;

public sealed partial class PayoutTerminalGrpcService
{
    public override async Task<Proto.RecordCardRefusalResponse> RecordCardRefusal(Proto.RecordCardRefusalRequest request, ServerCallContext context)
    {
        CardRefusal? refusal = request.Refusal == Proto.CardRefusal.Unspecified ? null : (CardRefusal)(int)request.Refusal;
        var result = await refusals.RecordAsync(TerminalCaller.IdOf(actor), request.CardNumber, refusal, request.IdempotencyKey, context.CancellationToken);
        return new Proto.RecordCardRefusalResponse
        {
            PayoutId = result.PayoutId.ToString(),
            DeclineReason = ProtoMapping.ToProto(result.Reason),
            At = ProtoMapping.ToProto(result.At),
            Replayed = result.Replayed,
            Message = result.Message,
        };
    }
}
