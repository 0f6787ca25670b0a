using System.Data.Common;
using Bansos.Registry.Application;
using Dapper;

namespace Bansos.Registry.Data;

/// <summary>One row per import in <c>imports</c>: the operational record beside the audit entry.</summary>
public static class ImportLog
{
    public static Task InsertAsync(
        DbConnection connection, DbTransaction transaction, ImportReport report, ImportRequest request, string actor,
        DateTimeOffset startedAt, DateTimeOffset finishedAt, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO imports (id, actor, file_name, sha256, all_or_nothing, committed, rows_read, rows_rejected,
                                 households_created, households_updated, households_unchanged, started_at, finished_at)
            VALUES (@id, @actor, @fileName, @sha256, @allOrNothing, @committed, @rowsRead, @rowsRejected,
                    @created, @updated, @unchanged, @startedAt, @finishedAt)
            """,
            new
            {
                id = report.ImportId,
                actor,
                fileName = request.FileName,
                sha256 = report.Sha256,
                allOrNothing = request.AllOrNothing,
                committed = !request.AllOrNothing || report.RowsRejected == 0,
                rowsRead = report.RowsRead,
                rowsRejected = report.RowsRejected,
                created = report.HouseholdsCreated,
                updated = report.HouseholdsUpdated,
                unchanged = report.HouseholdsUnchanged,
                startedAt,
                finishedAt,
            },
            transaction, cancellationToken: ct));
}
