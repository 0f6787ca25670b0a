using Bansos.ServiceDefaults.Codes;
using Bansos.Contracts;
using System.Globalization;
using Bansos.Registry.Domain;
using Bansos.Registry.Domain.Households;
using Bansos.ServiceDefaults.Storage;
using Dapper;

namespace Bansos.Registry.Data;

/// <summary>
/// Writes and loads households in the caller's session. The bulk methods serve the import;
/// the single ones serve commands. Nothing here decides anything: the domain does.
/// </summary>
public sealed class HouseholdStore
{
    private static readonly BulkInsert HouseholdInsert = new(
        "households",
        "id", "kk_number", "village_code", "district_code", "rt", "rw", "street", "desil", "programmes", "status",
        "removal_reason", "status_note", "head_name", "head_name_key", "member_count", "content_hash", "version",
        "created_at", "updated_at");

    private static readonly BulkInsert MemberInsert = new(
        "members", "nik", "household_id", "position", "name", "relation", "sex", "birth_date");

    private static readonly BulkInsert HistoryInsert = new(
        "household_history", "household_id", "at", "actor", "action", "detail");

    /// <summary>What the import needs to know of stored households with these KK numbers.</summary>
    public async Task<Dictionary<string, StoredHouseholdKey>> FindByKkAsync(
        DbSession session, IReadOnlyCollection<string> kkNumbers, CancellationToken ct)
    {
        var found = new Dictionary<string, StoredHouseholdKey>(kkNumbers.Count, StringComparer.Ordinal);
        await KeyLookup.ForEachAsync(
            session,
            "SELECT id, kk_number, content_hash FROM households WHERE kk_number = @key",
            kkNumbers,
            reader =>
            {
                var key = new StoredHouseholdKey
                {
                    Id = reader.GetFieldValue<object>(0) switch { Guid g => g, var o => Guid.Parse((string)o) },
                    KkNumber = reader.GetString(1),
                    ContentHash = reader.GetString(2),
                };
                found[key.KkNumber] = key;
            },
            ct);
        return found;
    }

    /// <summary>For each of these NIKs that is registered: the KK number of its household.</summary>
    public async Task<Dictionary<Nik, KkNumber>> FindNikOwnersAsync(
        DbSession session, IReadOnlyCollection<string> niks, CancellationToken ct)
    {
        var owners = new Dictionary<Nik, KkNumber>();
        await KeyLookup.ForEachAsync(
            session,
            "SELECT m.nik, h.kk_number FROM members m JOIN households h ON h.id = m.household_id WHERE m.nik = @key",
            niks,
            reader => owners[Nik.FromStored(reader.GetString(0))] = KkNumber.FromStored(reader.GetString(1)),
            ct);
        return owners;
    }

    /// <summary>A household with its members (not its history: commands only append to it).</summary>
    public async Task<Household?> LoadAsync(DbSession session, Guid id, CancellationToken ct)
    {
        var row = await session.Connection.QuerySingleOrDefaultAsync<HouseholdRow>(new CommandDefinition(
            """
            SELECT id AS Id, kk_number AS KkNumber, village_code AS VillageCode, rt AS Rt, rw AS Rw, street AS Street,
                   desil AS Desil, programmes AS Programmes, status AS Status, removal_reason AS RemovalReason,
                   status_note AS StatusNote, head_name AS HeadName, member_count AS MemberCount, version AS Version
            FROM households WHERE id = @id
            """,
            new { id }, session.Transaction, cancellationToken: ct));
        if (row is null)
        {
            return null;
        }

        var members = await session.Connection.QueryAsync<MemberRow>(new CommandDefinition(
            "SELECT nik AS Nik, name AS Name, relation AS Relation, sex AS Sex, birth_date AS BirthDate FROM members WHERE household_id = @id ORDER BY position",
            new { id }, session.Transaction, cancellationToken: ct));
        var details = new HouseholdDetails(
            new Address(VillageCode.FromStored(row.VillageCode), row.Rt, row.Rw, row.Street),
            Desil.FromStored(row.Desil),
            [.. members.Select(ToMember)],
            ProgrammeCodes.ParseList(row.Programmes).Value);
        return Household.Restore(
            row.Id,
            KkNumber.FromStored(row.KkNumber),
            details,
            HouseholdStatusRules.Parse(row.Status).Value,
            row.RemovalReason is null ? null : RemovalReasonCodes.Parse(row.RemovalReason).Value,
            row.Version);
    }

    /// <summary>
    /// The rows of a new household, its members and its history, made ahead of the write: the import
    /// makes them on its reader's core and the writer only inserts them.
    /// </summary>
    public static NewHouseholdRows RowsOf(Household household, string fingerprint, IEnumerable<HistoryEntry> history, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(household);
        object?[] row =
        [
            household.Id, household.Kk.Value, household.Address.Village.Value, household.Address.Village.DistrictCode,
            household.Address.Rt, household.Address.Rw, household.Address.Street, household.Desil.Value,
            household.Programmes.ToListCode(), household.Status.ToCode(), household.RemovalReason?.ToCode(), null,
            household.Head.Name, NameKey(household.Head.Name), household.Members.Count,
            fingerprint, household.Version, at, at,
        ];
        var members = new List<object?[]>(household.Members.Count);
        AddMemberRows(members, household);
        return new NewHouseholdRows(row, members, [.. history.Select(h => HistoryRow(household.Id, h))]);
    }

    /// <summary>Inserts new households with their members and history (bulk, for the import).</summary>
    public async Task InsertAsync(DbSession session, IReadOnlyList<NewHouseholdRows> households, CancellationToken ct)
    {
        // Households first: members and history refer to them.
        await HouseholdInsert.ExecuteAsync(session, [.. households.Select(h => h.Household)], ct);
        await MemberInsert.ExecuteAsync(session, [.. households.SelectMany(h => h.Members)], ct);
        await HistoryInsert.ExecuteAsync(session, [.. households.SelectMany(h => h.History)], ct);
    }

    /// <summary>
    /// Stores new details (address, desil, programmes, members) of an existing household, if it is
    /// still at <paramref name="readVersion"/> (the version it was loaded at). False — and nothing
    /// written — when another transaction changed it meanwhile: the caller reads again.
    /// </summary>
    public async Task<bool> UpdateDetailsAsync(
        DbSession session, Household household, long readVersion, DateTimeOffset at, CancellationToken ct)
    {
        var updated = await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE households SET village_code = @village, district_code = @district, rt = @rt, rw = @rw, street = @street,
                   desil = @desil, programmes = @programmes, head_name = @headName, head_name_key = @headNameKey,
                   member_count = @memberCount, content_hash = @hash, version = @version, updated_at = @at
            WHERE id = @id AND version = @readVersion
            """,
            new
            {
                id = household.Id,
                village = household.Address.Village.Value,
                district = household.Address.Village.DistrictCode,
                rt = household.Address.Rt,
                rw = household.Address.Rw,
                street = household.Address.Street,
                desil = household.Desil.Value,
                programmes = household.Programmes.ToListCode(),
                headName = household.Head.Name,
                headNameKey = NameKey(household.Head.Name),
                memberCount = household.Members.Count,
                hash = HouseholdFingerprint.Of(household.Details),
                version = household.Version,
                readVersion,
                at,
            },
            session.Transaction, cancellationToken: ct));
        if (updated == 0)
        {
            return false;
        }

        await session.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM members WHERE household_id = @id", new { id = household.Id }, session.Transaction, cancellationToken: ct));
        var memberRows = new List<object?[]>(household.Members.Count);
        AddMemberRows(memberRows, household);
        await MemberInsert.ExecuteAsync(session, memberRows, ct);
        return true;
    }

    /// <summary>Stores a household's status if it is still at <paramref name="readVersion"/>; false when it changed meanwhile.</summary>
    public async Task<bool> UpdateStatusAsync(
        DbSession session, Household household, long readVersion, string? note, DateTimeOffset at,
        CancellationToken ct) =>
        await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE households SET status = @status, removal_reason = @reason, status_note = @note, version = @version, updated_at = @at
            WHERE id = @id AND version = @readVersion
            """,
            new
            {
                id = household.Id,
                status = household.Status.ToCode(),
                reason = household.RemovalReason?.ToCode(),
                note,
                version = household.Version,
                readVersion,
                at,
            },
            session.Transaction, cancellationToken: ct)) == 1;

    /// <summary>History entries of households or of their cards, in the order given.</summary>
    public Task AppendHistoryAsync(
        DbSession session, IEnumerable<(Guid HouseholdId, HistoryEntry Entry)> entries, CancellationToken ct)
    {
        return HistoryInsert.ExecuteAsync(session, [.. entries.Select(e => HistoryRow(e.HouseholdId, e.Entry))], ct);
    }

    /// <summary>The upper-cased head name that the prefix search runs on.</summary>
    public static string NameKey(string name) => name.Trim().ToUpperInvariant();

    private static object?[] HistoryRow(Guid householdId, HistoryEntry entry) =>
        [householdId, entry.At, entry.Actor, entry.Action, Detail(entry)];

    private static string Detail(HistoryEntry entry) =>
        entry.Note is { Length: > 0 } note ? $"{entry.Summary} — {note}" : entry.Summary;

    private static void AddMemberRows(List<object?[]> rows, Household household)
    {
        for (var i = 0; i < household.Members.Count; i++)
        {
            var m = household.Members[i];
            rows.Add([m.Nik.Value, household.Id, i, m.Name, m.Relation.ToCode(), m.Sex.ToCode(), m.BirthDate.ToIso()]);
        }
    }

    private static Member ToMember(MemberRow row) => new(
        Nik.FromStored(row.Nik),
        row.Name,
        RelationCodes.Parse(row.Relation).Value,
        SexCodes.Parse(row.Sex).Value,
        DateOnly.ParseExact(row.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture));
}
