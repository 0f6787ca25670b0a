using System.Text;
using Bansos.ServiceDefaults.Storage;
using Dapper;

namespace Bansos.Registry.Data;

/// <summary>Read side of the registry: counts, search with keyset paging, one household in full.</summary>
public sealed class HouseholdQueries(IDatabase database)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public async Task<IReadOnlyList<VillageHouseholdCount>> CountByVillageAsync(string? districtCode, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<VillageHouseholdCount>(new CommandDefinition(
            """
            SELECT village_code AS VillageCode,
                   CAST(COUNT(*) AS INTEGER) AS Households,
                   CAST(SUM(CASE WHEN status = 'ACTIVE' THEN 1 ELSE 0 END) AS INTEGER) AS ActiveHouseholds,
                   CAST(SUM(member_count) AS INTEGER) AS Persons
            FROM households
            WHERE (@districtCode IS NULL OR district_code = @districtCode)
            GROUP BY village_code
            ORDER BY village_code
            """,
            new { districtCode },
            cancellationToken: ct));
        return [.. rows];
    }

    public async Task<HouseholdPage> SearchAsync(HouseholdSearch search, CancellationToken ct)
    {
        var where = new StringBuilder("WHERE 1 = 1");
        var parameters = new DynamicParameters();
        if (search.VillageCode is { } village)
        {
            where.Append(" AND village_code = @village");
            parameters.Add("village", village);
        }

        if (search.DistrictCode is { } district)
        {
            where.Append(" AND district_code = @district");
            parameters.Add("district", district);
        }

        if (search.Status is { } status)
        {
            where.Append(" AND status = @status");
            parameters.Add("status", status);
        }

        if (search.Programme is { } programme)
        {
            // programmes is the canonical 'PKH|SEMBAKO' text: a bounded match on both dialects.
            where.Append(" AND ('|' || programmes || '|') LIKE @programme");
            parameters.Add("programme", $"%|{programme}|%");
        }

        if (search.NamePrefix is { Length: > 0 } prefix)
        {
            // A range on the upper-cased key uses the index and treats % and _ as plain text.
            var key = prefix.ToUpperInvariant();
            where.Append(" AND head_name_key >= @nameFrom AND head_name_key < @nameTo");
            parameters.Add("nameFrom", key);
            parameters.Add("nameTo", key + '\uFFFF');
        }

        await using var connection = await database.OpenConnectionAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM households {where}", parameters, cancellationToken: ct));

        if (search.After is { } after)
        {
            // The token holds the id only; its household gives the name key back (a primary-key lookup).
            const string afterKey = "(SELECT a.head_name_key FROM households a WHERE a.id = @afterId)";
            where.Append($" AND (head_name_key > {afterKey} OR (head_name_key = {afterKey} AND id > @afterId))");
            parameters.Add("afterId", after.Id);
        }

        parameters.Add("limit", search.PageSize + 1);
        var rows = (await connection.QueryAsync<HouseholdSummaryRow>(new CommandDefinition(
            $"""
            SELECT id AS Id, kk_number AS KkNumber, head_name AS HeadName, head_name_key AS HeadNameKey,
                   village_code AS VillageCode, status AS Status, programmes AS Programmes, desil AS Desil,
                   member_count AS MemberCount
            FROM households
            {where}
            ORDER BY head_name_key, id
            LIMIT @limit
            """,
            parameters,
            cancellationToken: ct))).ToList();

        PageCursor? next = null;
        if (rows.Count > search.PageSize)
        {
            rows.RemoveAt(rows.Count - 1);
            next = new PageCursor(rows[^1].Id);
        }

        return new HouseholdPage(rows, next, (int)total);
    }

    public async Task<HouseholdView?> GetAsync(Guid householdId, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var household = await connection.QuerySingleOrDefaultAsync<HouseholdRow>(new CommandDefinition(
            """
            SELECT id AS Id, kk_number AS KkNumber, village_code AS VillageCode, rt AS Rt, rw AS Rw,
                   street AS Street, desil AS Desil, programmes AS Programmes, status AS Status,
                   removal_reason AS RemovalReason, status_note AS StatusNote, head_name AS HeadName,
                   member_count AS MemberCount, version AS Version
            FROM households WHERE id = @householdId
            """,
            new { householdId },
            cancellationToken: ct));
        if (household is null)
        {
            return null;
        }

        var members = await connection.QueryAsync<MemberRow>(new CommandDefinition(
            """
            SELECT nik AS Nik, name AS Name, relation AS Relation, sex AS Sex, birth_date AS BirthDate
            FROM members WHERE household_id = @householdId ORDER BY position
            """,
            new { householdId },
            cancellationToken: ct));
        var cards = await connection.QueryAsync<CardRow>(new CommandDefinition(
            """
            SELECT id AS Id, card_number AS CardNumber, household_id AS HouseholdId, status AS Status,
                   status_reason AS StatusReason, replaced_by AS ReplacedBy, version AS Version,
                   issued_at AS IssuedAt
            FROM aid_cards WHERE household_id = @householdId ORDER BY issued_at
            """,
            new { householdId },
            cancellationToken: ct));
        var history = await connection.QueryAsync<HistoryRow>(new CommandDefinition(
            """
            SELECT at AS At, actor AS Actor, action AS Action, detail AS Detail
            FROM household_history WHERE household_id = @householdId ORDER BY id
            """,
            new { householdId },
            cancellationToken: ct));
        return new HouseholdView(household, [.. members], [.. cards], [.. history]);
    }

    /// <summary>A card with its holder (the head of the household) and village.</summary>
    public async Task<CardLookup?> FindCardAsync(string cardNumber, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var card = await connection.QuerySingleOrDefaultAsync<CardRow>(new CommandDefinition(
            """
            SELECT id AS Id, card_number AS CardNumber, household_id AS HouseholdId, status AS Status,
                   status_reason AS StatusReason, replaced_by AS ReplacedBy, version AS Version, issued_at AS IssuedAt
            FROM aid_cards WHERE card_number = @cardNumber
            """,
            new { cardNumber },
            cancellationToken: ct));
        if (card is null)
        {
            return null;
        }

        var holder = await connection.QuerySingleAsync<(string HeadName, string VillageCode)>(new CommandDefinition(
            "SELECT head_name, village_code FROM households WHERE id = @id",
            new { id = card.HouseholdId },
            cancellationToken: ct));
        return new CardLookup(card, holder.HeadName, holder.VillageCode);
    }
}
