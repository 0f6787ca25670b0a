using Bansos.ServiceDefaults.Hosting;
using System.Data.Common;
using Bansos.Payout.Domain;
using Bansos.ServiceDefaults.Storage;
using Dapper;

namespace Bansos.Payout.Data;

/// <summary>Aid periods, their villages and the entitlements an opening grants.</summary>
public sealed class PeriodStore
{
    private const string SelectPeriod =
        """
        SELECT p.id AS Id, p.code AS Code, p.programme AS Programme, p.amount_per_household AS AmountPerHousehold,
               p.start_date AS StartDate, p.end_date AS EndDate, p.status AS Status,
               (SELECT COUNT(*) FROM entitlements e WHERE e.period_id = p.id) AS EntitlementCount,
               p.created_at AS CreatedAt, p.opened_at AS OpenedAt, p.closed_at AS ClosedAt, p.training AS Training
        FROM aid_periods p
        """;

    public async Task<long> InsertAsync(DbSession session, AidPeriodDraft draft, DateTimeOffset now, CancellationToken ct)
    {
        var id = await session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO aid_periods (code, programme, amount_per_household, start_date, end_date, status, created_at, training)
            VALUES (@Code, @Programme, @AmountPerHousehold, @StartDate, @EndDate, 'DRAFT', @now, @Training)
            RETURNING id
            """,
            new
            {
                draft.Code,
                draft.Programme,
                draft.AmountPerHousehold,
                StartDate = BusinessCalendar.Format(draft.StartDate),
                EndDate = BusinessCalendar.Format(draft.EndDate),
                now,
                Training = draft.Training ? 1 : 0,
            },
            session.Transaction, cancellationToken: ct));
        if (id > uint.MaxValue)
        {
            // The cryptogram carries 4 bytes of period id; refuse rather than wrap.
            throw new InvalidOperationException("The period id no longer fits the cryptogram's 4 bytes.");
        }

        foreach (var village in draft.VillageCodes)
        {
            await session.Connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO period_villages (period_id, village_code) VALUES (@id, @village)",
                new { id, village }, session.Transaction, cancellationToken: ct));
        }

        return id;
    }

    public async Task<bool> CodeExistsAsync(DbSession session, string code, CancellationToken ct) =>
        await session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM aid_periods WHERE code = @code", new { code }, session.Transaction, cancellationToken: ct)) > 0;

    public async Task<AidPeriod?> GetAsync(DbSession session, long id, CancellationToken ct)
    {
        var row = await session.Connection.QuerySingleOrDefaultAsync<PeriodRow>(new CommandDefinition(
            SelectPeriod + " WHERE p.id = @id", new { id }, session.Transaction, cancellationToken: ct));
        return row is null ? null : row.ToDomain(await VillagesAsync(session, id, ct));
    }

    public async Task<AidPeriod?> GetByCodeAsync(DbSession session, string code, CancellationToken ct)
    {
        var id = await session.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM aid_periods WHERE code = @code", new { code }, session.Transaction, cancellationToken: ct));
        return id is null ? null : await GetAsync(session, id.Value, ct);
    }

    public async Task<IReadOnlyList<AidPeriod>> ListAsync(DbConnection connection, CancellationToken ct)
    {
        var rows = (await connection.QueryAsync<PeriodRow>(new CommandDefinition(
            SelectPeriod + " ORDER BY p.id DESC", cancellationToken: ct))).ToList();
        var villages = (await connection.QueryAsync<(long PeriodId, string VillageCode)>(new CommandDefinition(
                "SELECT period_id, village_code FROM period_villages ORDER BY period_id, village_code", cancellationToken: ct)))
            .ToLookup(v => v.PeriodId, v => v.VillageCode);
        return [.. rows.Select(row => row.ToDomain([.. villages[row.Id]]))];
    }

    /// <summary>
    /// DRAFT → OPEN, then one entitlement per eligible household in one statement: the set form
    /// of <see cref="Eligibility.IsEligible"/> (ACTIVE, enrolled in the programme, in a covered
    /// village). Returns the entitlement count. The caller holds <see cref="ProjectionLock"/> alone.
    /// </summary>
    public async Task<long> OpenAsync(DbSession session, AidPeriod period, DateTimeOffset now, CancellationToken ct)
    {
        var changed = await session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE aid_periods SET status = 'OPEN', opened_at = @now WHERE id = @Id AND status = 'DRAFT'",
            new { period.Id, now }, session.Transaction, cancellationToken: ct));
        if (changed != 1)
        {
            throw new ConflictException($"Periode {period.Code} sudah berubah status (the period's status changed meanwhile).");
        }

        await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO entitlements (period_id, household_id, village_code, amount, balance, created_at)
            SELECT @Id, h.id, h.village_code, @AmountPerHousehold, @AmountPerHousehold, @now
            FROM households h
            JOIN period_villages v ON v.period_id = @Id AND v.village_code = h.village_code
            WHERE h.status = 'ACTIVE'
              AND EXISTS (SELECT 1 FROM household_programmes hp WHERE hp.household_id = h.id AND hp.programme = @Programme)
            ON CONFLICT (period_id, household_id) DO NOTHING
            """,
            new { period.Id, period.AmountPerHousehold, period.Programme, now }, session.Transaction, cancellationToken: ct, commandTimeout: 3600));
        return await session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM entitlements WHERE period_id = @Id", new { period.Id }, session.Transaction, cancellationToken: ct));
    }

    public async Task CloseAsync(DbSession session, AidPeriod period, DateTimeOffset now, CancellationToken ct)
    {
        var changed = await session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE aid_periods SET status = 'CLOSED', closed_at = @now WHERE id = @Id AND status = 'OPEN'",
            new { period.Id, now }, session.Transaction, cancellationToken: ct));
        if (changed != 1)
        {
            throw new ConflictException($"Periode {period.Code} sudah berubah status (the period's status changed meanwhile).");
        }
    }

    /// <summary>
    /// The OPEN periods that cover <paramref name="villageCode"/>, for a household event. Their
    /// village lists hold only that village (all <see cref="Eligibility.IsEligible"/> needs for a
    /// household there) and their entitlement count is not computed (0): both would cost a scan
    /// per event.
    /// </summary>
    public async Task<IReadOnlyList<AidPeriod>> OpenPeriodsCoveringAsync(DbSession session, string villageCode, CancellationToken ct)
    {
        var rows = await session.Connection.QueryAsync<PeriodRow>(new CommandDefinition(
            """
            SELECT p.id AS Id, p.code AS Code, p.programme AS Programme, p.amount_per_household AS AmountPerHousehold,
                   p.start_date AS StartDate, p.end_date AS EndDate, p.status AS Status,
                   p.created_at AS CreatedAt, p.opened_at AS OpenedAt, p.closed_at AS ClosedAt
            FROM period_villages v
            JOIN aid_periods p ON p.id = v.period_id
            WHERE v.village_code = @villageCode AND p.status = 'OPEN'
            ORDER BY p.id
            """,
            new { villageCode }, session.Transaction, cancellationToken: ct));
        return [.. rows.Select(row => row.ToDomain([villageCode]))];
    }

    /// <summary>One entitlement, if the household has none in the period yet; true when created.</summary>
    public async Task<bool> GrantAsync(DbSession session, AidPeriod period, Guid householdId, string villageCode,
        DateTimeOffset now, CancellationToken ct) =>
        await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO entitlements (period_id, household_id, village_code, amount, balance, created_at)
            VALUES (@periodId, @householdId, @villageCode, @amount, @amount, @now)
            ON CONFLICT (period_id, household_id) DO NOTHING
            """,
            new { periodId = period.Id, householdId, villageCode, amount = period.AmountPerHousehold, now },
            session.Transaction, cancellationToken: ct)) == 1;

    /// <summary>Whether the period is a training period; null when there is no such period.</summary>
    public async Task<bool?> IsTrainingAsync(DbConnection connection, long id, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT training FROM aid_periods WHERE id = @id", new { id }, cancellationToken: ct)) is { } training ? training != 0 : null;

    private async Task<IReadOnlyList<string>> VillagesAsync(DbSession session, long id, CancellationToken ct) =>
        [.. await session.Connection.QueryAsync<string>(new CommandDefinition(
            "SELECT village_code FROM period_villages WHERE period_id = @id ORDER BY village_code", new { id }, session.Transaction, cancellationToken: ct))];

    private sealed class PeriodRow
    {
        public long Id { get; init; }

        public string Code { get; init; } = "";

        public string Programme { get; init; } = "";

        public long AmountPerHousehold { get; init; }

        public string StartDate { get; init; } = "";

        public string EndDate { get; init; } = "";

        public string Status { get; init; } = "";

        public long EntitlementCount { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset? OpenedAt { get; init; }

        public DateTimeOffset? ClosedAt { get; init; }

        public long Training { get; init; }

        public AidPeriod ToDomain(IReadOnlyList<string> villages) => new(
            Id, Code, Programme, AmountPerHousehold,
            DateOnly.ParseExact(StartDate, BusinessCalendar.DateFormat, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.ParseExact(EndDate, BusinessCalendar.DateFormat, System.Globalization.CultureInfo.InvariantCulture),
            villages, AidPeriodStatusCodes.Map.Parse(Status), EntitlementCount, CreatedAt, OpenedAt, ClosedAt)
        {
            Training = Training != 0,
        };
    }
}
