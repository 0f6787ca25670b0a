using Bansos.Payout.Application;
using Bansos.Payout.Domain;
using Bansos.ServiceDefaults.Auth;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Proto = Bansos.Protos.Payout.V1;

namespace Bansos.Payout.Grpc;

[Authorize(Roles = BansosRoles.Admin + "," + BansosRoles.Auditor)]
public sealed class PayoutReportGrpcService(PayoutReports reports) : Proto.PayoutReportService.PayoutReportServiceBase
{
    public override async Task<Proto.PeriodVillageReport> GetPeriodVillageReport(Proto.GetPeriodVillageReportRequest request, ServerCallContext context)
    {
        var (period, villages) = await reports.PeriodVillagesAsync(request.PeriodId, context.CancellationToken);
        return new Proto.PeriodVillageReport
        {
            PeriodId = checked((uint)period.Id),
            PeriodCode = period.Code,
            Villages = { villages.Select(ProtoMapping.ToProto) },
            Total = ProtoMapping.ToProto(VillageFigures.Sum(villages)),
            Training = period.Training,
        };
    }

    public override async Task<Proto.PointDayReport> GetPointDayReport(Proto.GetPointDayReportRequest request, ServerCallContext context)
    {
        var (date, terminals) = await reports.PointDayAsync(request.PointId, request.BusinessDate, context.CancellationToken);
        var total = DayFigures.Sum(0, terminals);
        return new Proto.PointDayReport
        {
            PointId = request.PointId,
            BusinessDate = BusinessCalendar.Format(date),
            Terminals = { terminals.Select(ProtoMapping.ToProto) },
            Total = ProtoMapping.ToProto(total),
            Training = ProtoMapping.ToProto(total.Training ?? new DayFigures(0, 0, 0, 0, 0, 0)),
        };
    }
}
