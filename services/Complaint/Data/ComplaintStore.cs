using System.Text;
using Bansos.Complaint.Domain;
using Bansos.ServiceDefaults.Storage;
using Dapper;

namespace Bansos.Complaint.Data;

/// <summary>Tickets, their numbers and their history, in the caller's session.</summary>
public sealed class ComplaintStore
{
    /// <summary>
    /// The next number of <paramref name="year"/>: one upsert that increments the year's counter row
    /// and returns it. The row stays locked until the session commits, so concurrent filings queue on
    /// it (PostgreSQL) or on the write lock (SQLite), and a rollback gives the number back.
    /// </summary>
    public async Task<TicketNumber> NextNumberAsync(DbSession session, int year, CancellationToken ct)
    {
        var sequence = await session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO complaint_numbers (year, last_sequence) VALUES (@year, 1)
            ON CONFLICT (year) DO UPDATE SET last_sequence = complaint_numbers.last_sequence + 1
            RETURNING last_sequence
            """,
            new { year },
            session.Transaction,
            cancellationToken: ct));
        return new TicketNumber(year, sequence);
    }

    public Task InsertAsync(DbSession session, Domain.Complaint complaint, string? openAutomaticKey, CancellationToken ct) =>
        session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO complaints (id, number, year, sequence, village_code, district_code, category, description, channel,
                household_id, payout_id, nik, reporter_name, reporter_phone, status, assignee, resolution, filed_at, filed_by,
                due_at, at_risk_at, resolved_at, updated_at, version, open_automatic_key)
            VALUES (@Id, @Number, @Year, @Sequence, @VillageCode, @DistrictCode, @Category, @Description, @Channel,
                @HouseholdId, @PayoutId, @Nik, @ReporterName, @ReporterPhone, @Status, NULL, NULL, @FiledAt, @FiledBy,
                @DueAt, @AtRiskAt, NULL, @FiledAt, @Version, @OpenAutomaticKey)
            """,
            new
            {
                complaint.Id,
                Number = complaint.Number.ToString(),
                complaint.Number.Year,
                complaint.Number.Sequence,
                complaint.VillageCode,
                complaint.DistrictCode,
                Category = complaint.Category.Code(),
                complaint.Description,
                Channel = complaint.Channel.Code(),
                complaint.HouseholdId,
                complaint.PayoutId,
                complaint.Nik,
                complaint.ReporterName,
                complaint.ReporterPhone,
                Status = complaint.Status.Code(),
                complaint.FiledAt,
                complaint.FiledBy,
                complaint.DueAt,
                AtRiskAt = SlaPolicy.AtRiskFrom(complaint.FiledAt, complaint.DueAt),
                complaint.Version,
                OpenAutomaticKey = openAutomaticKey,
            },
            session.Transaction,
            cancellationToken: ct));

    /// <summary>A ticket; in a write session the row is locked until commit (PostgreSQL <c>FOR UPDATE</c>; SQLite holds the write lock already).</summary>
    public async Task<Domain.Complaint?> GetAsync(DbSession session, Guid id, CancellationToken ct)
    {
        var lockRow = !session.IsReadOnly && session.Dialect == DbDialect.Postgres ? " FOR UPDATE" : "";
        var row = await session.Connection.QuerySingleOrDefaultAsync<ComplaintRow>(new CommandDefinition(
            $"SELECT {ComplaintRow.Columns} FROM complaints WHERE id = @id{lockRow}", new { id }, session.Transaction, cancellationToken: ct));
        return row?.ToDomain();
    }

    /// <summary>The household's oldest open ticket of <paramref name="category"/>, locked like <see cref="GetAsync"/>.</summary>
    public async Task<Domain.Complaint?> FindOpenAsync(DbSession session, Guid householdId, ComplaintCategory category, CancellationToken ct)
    {
        var lockRow = session.Dialect == DbDialect.Postgres ? " FOR UPDATE" : "";
        var row = await session.Connection.QueryFirstOrDefaultAsync<ComplaintRow>(new CommandDefinition(
            $"""
            SELECT {ComplaintRow.Columns} FROM complaints
            WHERE household_id = @householdId AND category = @category AND status IN ('RECEIVED', 'IN_PROGRESS')
            ORDER BY filed_at, id
            LIMIT 1{lockRow}
            """,
            new { householdId, category = category.Code() },
            session.Transaction,
            cancellationToken: ct));
        return row?.ToDomain();
    }

    /// <summary>Writes the changeable part of a ticket (status, assignee, resolution); a closed ticket frees its automatic key.</summary>
    public async Task UpdateAsync(DbSession session, Domain.Complaint complaint, DateTimeOffset now, CancellationToken ct)
    {
        var updated = await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE complaints
            SET status = @Status, assignee = @Assignee, resolution = @Resolution, resolved_at = @ResolvedAt,
                updated_at = @now, version = @Version,
                open_automatic_key = CASE WHEN @Open THEN open_automatic_key ELSE NULL END
            WHERE id = @Id AND version = @Version - 1
            """,
            new
            {
                complaint.Id,
                Status = complaint.Status.Code(),
                complaint.Assignee,
                complaint.Resolution,
                complaint.ResolvedAt,
                now,
                complaint.Version,
                Open = complaint.IsOpen,
            },
            session.Transaction,
            cancellationToken: ct));
        if (updated != 1)
        {
            // The row is locked for this session, so this means a caller skipped GetAsync: a bug, not a race.
            throw new InvalidOperationException($"Complaint {complaint.Id} is not at version {complaint.Version - 1}.");
        }
    }

    /// <summary>Appends to the history; with a <paramref name="source"/> already noted for this ticket, nothing is written and false returned.</summary>
    public async Task<bool> AppendHistoryAsync(DbSession session, Guid complaintId, HistoryEntry entry, string? source, CancellationToken ct)
    {
        var inserted = await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO complaint_history (complaint_id, at, actor, action, from_status, to_status, text, source)
            VALUES (@complaintId, @At, @Actor, @Action, @From, @To, @Text, @source)
            ON CONFLICT DO NOTHING
            """,
            new
            {
                complaintId,
                entry.At,
                entry.Actor,
                Action = entry.Action.Code(),
                From = entry.From?.Code(),
                To = entry.To?.Code(),
                entry.Text,
                source,
            },
            session.Transaction,
            cancellationToken: ct));
        return inserted == 1;
    }

    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(DbSession session, Guid complaintId, CancellationToken ct)
    {
        var rows = await session.Connection.QueryAsync<HistoryRow>(new CommandDefinition(
            """
            SELECT at AS At, actor AS Actor, action AS Action, from_status AS FromStatus, to_status AS ToStatus, text AS Text
            FROM complaint_history WHERE complaint_id = @complaintId ORDER BY id
            """,
            new { complaintId },
            session.Transaction,
            cancellationToken: ct));
        return [.. rows.Select(r => r.ToDomain())];
    }

    /// <summary>
    /// A page of tickets, newest first, within <paramref name="villages"/> (null: every village),
    /// after <paramref name="after"/>. One more row than <paramref name="limit"/> is read to know whether a next page exists.
    /// </summary>
    public async Task<IReadOnlyList<Domain.Complaint>> ListAsync(DbSession session, ComplaintFilter filter, IReadOnlyCollection<string>? villages,
        ListCursor? after, int limit, DateTimeOffset now, CancellationToken ct)
    {
        var sql = new StringBuilder($"SELECT {ComplaintRow.Columns} FROM complaints WHERE 1 = 1");
        var parameters = new DynamicParameters();
        Where(sql, parameters, session.Dialect, filter, villages, now);
        if (after is not null)
        {
            sql.Append(" AND (filed_at < @afterAt OR (filed_at = @afterAt AND id < @afterId))");
            parameters.Add("afterAt", after.FiledAt);
            parameters.Add("afterId", after.Id);
        }

        sql.Append(" ORDER BY filed_at DESC, id DESC LIMIT @limit");
        parameters.Add("limit", limit);
        var rows = await session.Connection.QueryAsync<ComplaintRow>(new CommandDefinition(sql.ToString(), parameters, session.Transaction, cancellationToken: ct));
        return [.. rows.Select(r => r.ToDomain())];
    }

    /// <summary>What statistics need of every ticket filed in the filter's range.</summary>
    public async Task<IReadOnlyList<StatisticsInput>> StatisticsInputAsync(DbSession session, ComplaintFilter filter,
        IReadOnlyCollection<string>? villages, DateTimeOffset now, CancellationToken ct)
    {
        var sql = new StringBuilder(
            "SELECT village_code AS VillageCode, category AS Category, status AS Status, filed_at AS FiledAt, due_at AS DueAt, " +
            "resolved_at AS ResolvedAt FROM complaints WHERE 1 = 1");
        var parameters = new DynamicParameters();
        Where(sql, parameters, session.Dialect, filter, villages, now);
        var rows = await session.Connection.QueryAsync<StatisticsRow>(new CommandDefinition(sql.ToString(), parameters, session.Transaction, cancellationToken: ct));
        return [.. rows.Select(r => new StatisticsInput(r.VillageCode, ComplaintCodes.ParseCategory(r.Category),
            ComplaintCodes.ParseStatus(r.Status), r.FiledAt, r.DueAt, r.ResolvedAt))];
    }

    private static void Where(StringBuilder sql, DynamicParameters parameters, DbDialect dialect, ComplaintFilter filter,
        IReadOnlyCollection<string>? villages, DateTimeOffset now)
    {
        if (villages is not null)
        {
            // string[] travels as text[] to PostgreSQL and as JSON text to SQLite (DapperTypeHandlers).
            sql.Append(dialect == DbDialect.Postgres
                ? " AND village_code = ANY(@villages)"
                : " AND village_code IN (SELECT value FROM json_each(@villages))");
            parameters.Add("villages", villages.ToArray());
        }

        Equal(sql, parameters, "village_code", "village", filter.VillageCode);
        Equal(sql, parameters, "district_code", "district", filter.DistrictCode);
        Equal(sql, parameters, "status", "status", filter.Status?.Code());
        Equal(sql, parameters, "category", "category", filter.Category?.Code());
        Equal(sql, parameters, "assignee", "assignee", filter.Assignee);
        if (filter.HouseholdId is { } household)
        {
            sql.Append(" AND household_id = @household");
            parameters.Add("household", household);
        }

        if (filter.FiledFrom is { } from)
        {
            sql.Append(" AND filed_at >= @filedFrom");
            parameters.Add("filedFrom", Wib.StartOf(from).ToUniversalTime());
        }

        if (filter.FiledTo is { } to)
        {
            sql.Append(" AND filed_at < @filedBefore");
            parameters.Add("filedBefore", Wib.StartOf(to.AddDays(1)).ToUniversalTime());
        }

        switch (filter.Sla)
        {
            case SlaState.AtRisk:
                sql.Append(" AND status IN ('RECEIVED', 'IN_PROGRESS') AND at_risk_at < @now AND due_at >= @now");
                parameters.Add("now", now);
                break;
            case SlaState.Breached:
                sql.Append(" AND ((status IN ('RECEIVED', 'IN_PROGRESS') AND due_at < @now) OR (status IN ('RESOLVED', 'REJECTED') AND resolved_at > due_at))");
                parameters.Add("now", now);
                break;
            case SlaState.OnTime:
                sql.Append(" AND status IN ('RECEIVED', 'IN_PROGRESS') AND at_risk_at >= @now");
                parameters.Add("now", now);
                break;
            case SlaState.Met:
                sql.Append(" AND status IN ('RESOLVED', 'REJECTED') AND resolved_at <= due_at");
                break;
            default:
                break;
        }
    }

    private static void Equal(StringBuilder sql, DynamicParameters parameters, string column, string name, string? value)
    {
        if (value is not null)
        {
            sql.Append(" AND ").Append(column).Append(" = @").Append(name);
            parameters.Add(name, value);
        }
    }

    private sealed class StatisticsRow
    {
        public string VillageCode { get; set; } = "";

        public string Category { get; set; } = "";

        public string Status { get; set; } = "";

        public DateTimeOffset FiledAt { get; set; }

        public DateTimeOffset DueAt { get; set; }

        public DateTimeOffset? ResolvedAt { get; set; }
    }
}
