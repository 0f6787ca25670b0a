using Bansos.Payout.Application;
using Bansos.Payout.Domain;
using Bansos.ServiceDefaults.Auth;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Proto = Bansos.Protos.Payout.V1;

namespace Bansos.Payout.Grpc;

[Authorize(Roles = BansosRoles.Admin)]
public sealed class AidPeriodGrpcService(ICurrentActor actor, PeriodAdministration periods) : Proto.AidPeriodService.AidPeriodServiceBase
{
    public override async Task<Proto.AidPeriodInfo> CreatePeriod(Proto.CreatePeriodRequest request, ServerCallContext context)
    {
        var draft = AidPeriodDraft.Create(request.Code, request.Programme, request.AmountPerHousehold, request.StartDate, request.EndDate,
            [.. request.VillageCodes]) with { Training = request.Training };
        return ProtoMapping.ToProto(await periods.CreateAsync(actor.Subject, draft, context.CancellationToken));
    }

    public override async Task<Proto.AidPeriodInfo> GetPeriod(Proto.GetPeriodRequest request, ServerCallContext context) =>
        ProtoMapping.ToProto(await periods.GetAsync(request.PeriodId, context.CancellationToken));

    public override async Task<Proto.ListPeriodsResponse> ListPeriods(Proto.ListPeriodsRequest request, ServerCallContext context) =>
        new() { Periods = { (await periods.ListAsync(context.CancellationToken)).Select(ProtoMapping.ToProto) } };

    public override async Task<Proto.AidPeriodInfo> OpenPeriod(Proto.PeriodActionRequest request, ServerCallContext context) =>
        ProtoMapping.ToProto(await periods.OpenAsync(actor.Subject, request.PeriodId, context.CancellationToken));

    public override async Task<Proto.AidPeriodInfo> ClosePeriod(Proto.PeriodActionRequest request, ServerCallContext context) =>
        ProtoMapping.ToProto(await periods.CloseAsync(actor.Subject, request.PeriodId, context.CancellationToken));
}
