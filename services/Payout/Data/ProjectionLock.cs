using Bansos.ServiceDefaults.Storage;
using Dapper;

namespace Bansos.Payout.Data;

/// <summary>
/// Keeps "open a period" and "a household changed" apart on PostgreSQL. Without it, a household
/// committed while a period opens could be missed by both: the opening's INSERT … SELECT would
/// not see it yet, and the consumer would still see the period as DRAFT. Consumers share the
/// lock, an opening takes it alone, so one always sees the other's commit. SQLite needs nothing:
/// its writers are serialised already.
/// </summary>
public static class ProjectionLock
{
    /// <summary>"ENTITL" in ASCII.</summary>
    private const long Key = 0x454E544954_4C;

    public static Task ShareAsync(DbSession session, CancellationToken ct) =>
        session.Dialect == DbDialect.Postgres
            ? session.Connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock_shared(@Key)", new { Key }, session.Transaction, cancellationToken: ct))
            : Task.CompletedTask;

    public static Task ExclusiveAsync(DbSession session, CancellationToken ct) =>
        session.Dialect == DbDialect.Postgres
            ? session.Connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@Key)", new { Key }, session.Transaction, cancellationToken: ct))
            : Task.CompletedTask;
}
