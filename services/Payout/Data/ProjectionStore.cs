using Bansos.ServiceDefaults.Codes;
using System.Data.Common;
using Bansos.Payout.Domain;
using Bansos.ServiceDefaults.Storage;
using Dapper;

namespace Bansos.Payout.Data;

/// <summary>
/// The registry projection: households (details and status versioned apart) and cards. Every
/// write is conditional on the stored version, so concurrent or reordered events settle on the
/// newest whatever order they commit in.
/// </summary>
public sealed class ProjectionStore
{
    public async Task<HouseholdVersions?> GetVersionsAsync(DbSession session, Guid householdId, CancellationToken ct) =>
        await session.Connection.QuerySingleOrDefaultAsync<HouseholdVersions>(new CommandDefinition(
            "SELECT details_version AS DetailsVersion, status_version AS StatusVersion FROM households WHERE id = @householdId",
            new { householdId }, session.Transaction, cancellationToken: ct));

    /// <summary>Creates the row if it is missing (versions 0: nothing known yet); true when this call created it.</summary>
    public async Task<bool> EnsureHouseholdAsync(DbSession session, Guid householdId, DateTimeOffset now, CancellationToken ct) =>
        await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO households (id, village_code, status, details_version, status_version, updated_at)
            VALUES (@householdId, NULL, NULL, 0, 0, @now)
            ON CONFLICT (id) DO NOTHING
            """,
            new { householdId, now }, session.Transaction, cancellationToken: ct)) == 1;

    /// <summary>Village and programmes, if <paramref name="version"/> is newer than the stored details.</summary>
    public async Task<bool> SetDetailsAsync(DbSession session, Guid householdId, string villageCode,
        IReadOnlyCollection<string> programmes, long version, DateTimeOffset now, CancellationToken ct)
    {
        var updated = await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE households SET village_code = @villageCode, details_version = @version, updated_at = @now
            WHERE id = @householdId AND details_version < @version
            """,
            new { householdId, villageCode, version, now }, session.Transaction, cancellationToken: ct));
        if (updated == 0)
        {
            return false;
        }

        await session.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM household_programmes WHERE household_id = @householdId", new { householdId }, session.Transaction, cancellationToken: ct));
        foreach (var programme in programmes.Distinct(StringComparer.Ordinal))
        {
            await session.Connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO household_programmes (household_id, programme) VALUES (@householdId, @programme)",
                new { householdId, programme }, session.Transaction, cancellationToken: ct));
        }

        return true;
    }

    /// <summary>The status, if <paramref name="version"/> is newer than the stored one.</summary>
    public async Task<bool> SetStatusAsync(DbSession session, Guid householdId, string status,
        long version, DateTimeOffset now, CancellationToken ct) =>
        await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE households SET status = @status, status_version = @version, updated_at = @now
            WHERE id = @householdId AND status_version < @version
            """,
            new { householdId, status, version, now }, session.Transaction, cancellationToken: ct)) == 1;

    public async Task<HouseholdFacts?> GetHouseholdAsync(DbSession session, Guid householdId, CancellationToken ct)
    {
        var row = await session.Connection.QuerySingleOrDefaultAsync<HouseholdRow>(new CommandDefinition(
            "SELECT id AS Id, village_code AS VillageCode, status AS Status FROM households WHERE id = @householdId",
            new { householdId }, session.Transaction, cancellationToken: ct));
        if (row is null)
        {
            return null;
        }

        var programmes = await session.Connection.QueryAsync<string>(new CommandDefinition(
            "SELECT programme FROM household_programmes WHERE household_id = @householdId ORDER BY programme",
            new { householdId }, session.Transaction, cancellationToken: ct));
        return new HouseholdFacts(row.Id, row.VillageCode, HouseholdStatusCodes.Read(row.Status), [.. programmes]);
    }

    /// <summary>
    /// Inserts the card if it is new, else updates it if <paramref name="version"/> is newer. A
    /// card that an earlier-arrived replacement names is born replaced.
    /// </summary>
    public async Task<bool> UpsertCardAsync(DbSession session, Guid cardId, string cardNumber,
        Guid householdId, string status, Guid? replacesCardId, long version, DateTimeOffset now, CancellationToken ct)
    {
        var args = new { cardId, cardNumber, householdId, status, replacesCardId, version, now };
        var inserted = await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO cards (id, card_number, household_id, status, replaces_card_id, replaced_by_card_id, version, updated_at)
            VALUES (@cardId, @cardNumber, @householdId, @status, @replacesCardId,
                    (SELECT r.id FROM cards r WHERE r.replaces_card_id = @cardId ORDER BY r.version DESC LIMIT 1),
                    @version, @now)
            ON CONFLICT (id) DO NOTHING
            """,
            args, session.Transaction, cancellationToken: ct));
        if (inserted == 1)
        {
            return true;
        }

        return await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE cards SET card_number = @cardNumber, household_id = @householdId, status = @status,
                   replaces_card_id = COALESCE(@replacesCardId, replaces_card_id), version = @version, updated_at = @now
            WHERE id = @cardId AND version < @version
            """,
            args, session.Transaction, cancellationToken: ct)) == 1;
    }

    /// <summary>The old card stops at once, whatever its own events say later (replacement is final).</summary>
    public Task MarkReplacedAsync(DbSession session, Guid oldCardId, Guid newCardId, DateTimeOffset now, CancellationToken ct) =>
        session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE cards SET replaced_by_card_id = @newCardId, updated_at = @now WHERE id = @oldCardId",
            new { oldCardId, newCardId, now }, session.Transaction, cancellationToken: ct));

    public async Task<CardFacts?> GetCardAsync(DbSession session, string cardNumber, CancellationToken ct)
    {
        var row = await session.Connection.QuerySingleOrDefaultAsync<CardRow>(new CommandDefinition(
            """
            SELECT id AS Id, household_id AS HouseholdId, status AS Status, replaced_by_card_id AS ReplacedBy
            FROM cards WHERE card_number = @cardNumber
            """,
            new { cardNumber }, session.Transaction, cancellationToken: ct));
        return row is null ? null : new CardFacts(row.Id, row.HouseholdId, CardStatusCodes.Read(row.Status), row.ReplacedBy is not null);
    }

    public sealed class HouseholdVersions
    {
        public long DetailsVersion { get; init; }

        public long StatusVersion { get; init; }
    }

    private sealed class HouseholdRow
    {
        public Guid Id { get; init; }

        public string? VillageCode { get; init; }

        public string? Status { get; init; }
    }

    private sealed class CardRow
    {
        public Guid Id { get; init; }

        public Guid HouseholdId { get; init; }

        public string Status { get; init; } = "";

        public Guid? ReplacedBy { get; init; }
    }
}
