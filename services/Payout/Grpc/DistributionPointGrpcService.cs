using Bansos.Payout.Application;
using Bansos.ServiceDefaults.Auth;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Proto = Bansos.Protos.Payout.V1;

namespace Bansos.Payout.Grpc;

[Authorize(Roles = BansosRoles.Admin)]
public sealed class DistributionPointGrpcService(ICurrentActor actor, PointAdministration points)
    : Proto.DistributionPointService.DistributionPointServiceBase
{
    public override async Task<Proto.DistributionPointInfo> CreateDistributionPoint(Proto.CreateDistributionPointRequest request, ServerCallContext context) =>
        ProtoMapping.ToProto(await points.CreatePointAsync(actor.Subject, request.Name, ProtoMapping.ToDomain(request.Kind), request.VillageCode,
            context.CancellationToken));

    public override async Task<Proto.ListDistributionPointsResponse> ListDistributionPoints(Proto.ListDistributionPointsRequest request, ServerCallContext context) =>
        new() { Points = { (await points.ListAsync(request.VillageCode, context.CancellationToken)).Select(ProtoMapping.ToProto) } };

    public override async Task<Proto.TerminalInfo> RegisterTerminal(Proto.RegisterTerminalRequest request, ServerCallContext context) =>
        ProtoMapping.ToProto(await points.RegisterTerminalAsync(actor.Subject, request.PointId, request.Label, context.CancellationToken));

    /// <summary>Ends when the token that opened it expires, so a stream is never authorized longer than a call.</summary>
    public override async Task WatchDistributionPoints(Proto.WatchDistributionPointsRequest request,
        IServerStreamWriter<Proto.ListDistributionPointsResponse> responseStream, ServerCallContext context)
    {
        await foreach (var list in points.WatchAsync(actor.TokenExpiresAt, context.CancellationToken))
        {
            await responseStream.WriteAsync(new Proto.ListDistributionPointsResponse { Points = { list.Select(ProtoMapping.ToProto) } },
                context.CancellationToken);
        }
    }

    public override async Task<Proto.TerminalInfo> SetTerminalStatus(Proto.SetTerminalStatusRequest request, ServerCallContext context) =>
        ProtoMapping.ToProto(await points.SetTerminalStatusAsync(actor.Subject, request.TerminalId, ProtoMapping.ToDomain(request.Status),
            request.Reason, context.CancellationToken));
}
