using Bansos.ServiceDefaults.Storage;
using Dapper;

namespace Bansos.Complaint.Data;

/// <summary>
/// The registry's households as far as complaints need them: that an id exists and its village.
/// An event older than the stored version changes nothing (events may arrive out of order).
/// </summary>
public sealed class HouseholdProjection
{
    public Task UpsertAsync(DbSession session, Guid householdId, string villageCode, long version, DateTimeOffset at, CancellationToken ct) =>
        session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO households (id, village_code, version, updated_at) VALUES (@householdId, @villageCode, @version, @at)
            ON CONFLICT (id) DO UPDATE SET village_code = excluded.village_code, version = excluded.version, updated_at = excluded.updated_at
            WHERE households.version < excluded.version
            """,
            new { householdId, villageCode, version, at },
            session.Transaction,
            cancellationToken: ct));

    /// <summary>The household's village, or null for an id the registry never announced.</summary>
    public Task<string?> VillageOfAsync(DbSession session, Guid householdId, CancellationToken ct) =>
        session.Connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT village_code FROM households WHERE id = @householdId", new { householdId }, session.Transaction, cancellationToken: ct));
}
