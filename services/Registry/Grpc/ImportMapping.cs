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
            ImportId = report.ImportId.ToString(),
            Status = report.Status,
        };
        result.RejectedRows.AddRange(report.Rejected.Select(r => new RejectedRow
        {
            Line = r.Line,
            Field = r.Field,
            Reason = r.Reason,
        }));
        return result;
    }

    public static ImportSummary ToSummary(Data.ImportLogRow row)
    {
        var summary = new ImportSummary
        {
            ImportId = row.Id.ToString(),
            Actor = row.Actor,
            FileName = row.FileName,
            Sha256 = row.Sha256,
            AllOrNothing = row.AllOrNothing,
            Status = row.Status,
            RowsRead = row.RowsRead,
            RowsRejected = row.RowsRejected,
            HouseholdsCreated = row.HouseholdsCreated,
            HouseholdsUpdated = row.HouseholdsUpdated,
            HouseholdsUnchanged = row.HouseholdsUnchanged,
            Error = row.Error ?? "",
            StartedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(row.StartedAt),
        };
        if (row.FinishedAt is { } finished)
        {
            summary.FinishedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(finished);
        }

        return summary;
    }
}
