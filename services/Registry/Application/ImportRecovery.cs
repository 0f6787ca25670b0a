using Bansos.Registry.Data;
using Bansos.ServiceDefaults.Audit;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Registry.Application;

/// <summary>
/// At start, an import still RUNNING was cut off by the service stopping (kill, power loss): it is
/// closed as ABORTED and audited, so the import list shows it; what its earlier commit windows
/// stored stays, and importing the same file again completes it. Assumes one registry instance per
/// database (the pilot's SQLite file); several instances on one PostgreSQL database would close each
/// other's running imports.
/// </summary>
public sealed partial class ImportRecovery(IDbSessions sessions, MigrationGate gate, IAuditTrail audit, TimeProvider clock, ILogger<ImportRecovery> logger)
    : BackgroundService
{
    // Imports this process starts meanwhile (the pilot seed) are its own, not cut off.
    private readonly DateTimeOffset processStart = clock.GetUtcNow();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await gate.WaitAsync(stoppingToken);
        var aborted = await sessions.WriteAsync(async session =>
        {
            var ids = await ImportLog.AbortRunningAsync(session, processStart, clock.GetUtcNow(), stoppingToken);
            foreach (var id in ids)
            {
                await audit.AppendAsync(session.Connection, session.Transaction, new AuditEntry(
                    "system", "IMPORT_ABORTED", "import", id.ToString(), null,
                    System.Text.Json.JsonSerializer.Serialize(new { status = ImportStatus.Aborted, error = ImportStatus.InterruptedMessage })), stoppingToken);
            }

            return ids.Count;
        }, ct: stoppingToken);
        if (aborted > 0)
        {
            LogAborted(aborted);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} import(s) were running when the service last stopped; marked ABORTED")]
    private partial void LogAborted(int count);
}
