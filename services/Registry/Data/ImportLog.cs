using System.Data.Common;
using Bansos.Registry.Application;
using Bansos.ServiceDefaults.Storage;
using Dapper;

namespace Bansos.Registry.Data;

/// <summary>
/// One row per import in <c>imports</c>, the operational record beside the audit entries: written
/// RUNNING when the import starts, closed with its status and the counts of what was committed.
/// </summary>
public static class ImportLog
{
    public static Task StartAsync(
        DbSession session, Guid importId, ImportRequest request, string sha256, string actor,
        DateTimeOffset startedAt, CancellationToken ct) =>
        session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO imports (id, actor, file_name, sha256, all_or_nothing, status, committed, rows_read, rows_rejected,
                                 households_created, households_updated, households_unchanged, error, started_at, finished_at)
            VALUES (@importId, @actor, @fileName, @sha256, @allOrNothing, @status, @no, 0, 0, 0, 0, 0, NULL, @startedAt, NULL)
            """,
            new { importId, actor, fileName = request.FileName, sha256, allOrNothing = request.AllOrNothing, status = ImportStatus.Running, no = false, startedAt },
            session.Transaction, cancellationToken: ct));

    public static Task FinishAsync(
        DbSession session, ImportReport report, string status, string? error, DateTimeOffset finishedAt,
        CancellationToken ct) =>
        session.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE imports SET status = @status, committed = @committed, rows_read = @rowsRead, rows_rejected = @rowsRejected,
                               households_created = @created, households_updated = @updated, households_unchanged = @unchanged,
                               error = @error, finished_at = @finishedAt
            WHERE id = @id
            """,
            new
            {
                id = report.ImportId,
                status,
                committed = status == ImportStatus.Committed,
                rowsRead = report.RowsRead,
                rowsRejected = report.RowsRejected,
                created = report.HouseholdsCreated,
                updated = report.HouseholdsUpdated,
                unchanged = report.HouseholdsUnchanged,
                error,
                finishedAt,
            },
            session.Transaction, cancellationToken: ct));

    /// <summary>Imports still RUNNING that started before this process did were cut off by a stop: they are ABORTED.</summary>
    public static async Task<IReadOnlyList<Guid>> AbortRunningAsync(
        DbSession session, DateTimeOffset processStart, DateTimeOffset now, CancellationToken ct)
    {
        var args = new { aborted = ImportStatus.Aborted, running = ImportStatus.Running, error = ImportStatus.InterruptedMessage, processStart, now };
        var ids = (await session.Connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT id FROM imports WHERE status = @running AND started_at < @processStart", args, session.Transaction, cancellationToken: ct))).ToList();
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE imports SET status = @aborted, error = @error, finished_at = @now WHERE status = @running AND started_at < @processStart",
            args, session.Transaction, cancellationToken: ct));
        return ids;
    }

    /// <summary>The latest imports, newest first.</summary>
    public static async Task<IReadOnlyList<ImportLogRow>> ListAsync(DbConnection connection, int limit, CancellationToken ct) =>
        [.. await connection.QueryAsync<ImportLogRow>(new CommandDefinition(
            """
            SELECT id AS Id, actor AS Actor, file_name AS FileName, sha256 AS Sha256, all_or_nothing AS AllOrNothing, status AS Status,
                   rows_read AS RowsRead, rows_rejected AS RowsRejected, households_created AS HouseholdsCreated,
                   households_updated AS HouseholdsUpdated, households_unchanged AS HouseholdsUnchanged, error AS Error,
                   started_at AS StartedAt, finished_at AS FinishedAt
            FROM imports ORDER BY started_at DESC, id DESC LIMIT @limit
            """,
            new { limit }, cancellationToken: ct))];
}
