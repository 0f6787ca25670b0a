using Bansos.Protos.Registry.V1;
using Bansos.Registry.Application;

namespace Bansos.Registry.Grpc;

internal static class ImportMapping
{
    public static ImportResult ToResult(ImportReport report)
    {
        var result = new ImportResult
        {
            HouseholdsCreated = report.HouseholdsCreated,
            HouseholdsUpdated = report.HouseholdsUpdated,
            HouseholdsUnchanged = report.HouseholdsUnchanged,
            HouseholdsRejected = report.HouseholdsRejected,
            PersonsCreated = report.PersonsCreated,
            PersonsUnchanged = report.PersonsUnchanged,
            RowsRejected = report.RowsRejected,
            Committed = report.Committed,
            RowsRead = report.RowsRead,
        };
        result.RejectedRows.AddRange(report.Rejected.Select(r => new RejectedRow
        {
            Line = r.Line,
            Field = r.Field,
            Reason = r.Reason,
        }));
        return result;
    }
}
