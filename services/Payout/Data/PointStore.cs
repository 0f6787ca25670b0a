using System.Data.Common;
using Bansos.Payout.Domain;
using Bansos.ServiceDefaults.Storage;
using Dapper;

namespace Bansos.Payout.Data;

/// <summary>Distribution points and their terminals.</summary>
public sealed class PointStore
{
    public async Task<long> InsertPointAsync(DbSession session, string name, DistributionPointKind kind,
        string villageCode, DateTimeOffset now, CancellationToken ct) =>
        await session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO distribution_points (name, kind, village_code, created_at)
            VALUES (@name, @kind, @villageCode, @now)
            RETURNING id
            """,
            new { name, kind = kind.ToCode(), villageCode, now }, session.Transaction, cancellationToken: ct));

    public async Task<long?> FindPointAsync(DbSession session, string villageCode, string name, CancellationToken ct) =>
        await session.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM distribution_points WHERE village_code = @villageCode AND name = @name",
            new { villageCode, name }, session.Transaction, cancellationToken: ct));

    public async Task<long> InsertTerminalAsync(DbSession session, long pointId, string label,
        DateTimeOffset now, CancellationToken ct) =>
        await session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO terminals (point_id, label, status, created_at, updated_at)
            VALUES (@pointId, @label, 'ACTIVE', @now, @now)
            RETURNING id
            """,
            new { pointId, label, now }, session.Transaction, cancellationToken: ct));

    public async Task<bool> SetTerminalStatusAsync(DbSession session, long terminalId, TerminalStatus status,
        DateTimeOffset now, CancellationToken ct) =>
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE terminals SET status = @status, updated_at = @now WHERE id = @terminalId",
            new { terminalId, status = status.ToCode(), now }, session.Transaction, cancellationToken: ct)) == 1;

    public async Task<Terminal?> GetTerminalAsync(DbSession session, long terminalId, CancellationToken ct)
    {
        var row = await session.Connection.QuerySingleOrDefaultAsync<TerminalRow>(new CommandDefinition(
            "SELECT id AS Id, point_id AS PointId, label AS Label, status AS Status, created_at AS CreatedAt FROM terminals WHERE id = @terminalId",
            new { terminalId }, session.Transaction, cancellationToken: ct));
        return row?.ToDomain();
    }

    public async Task<DistributionPoint?> GetPointAsync(DbSession session, long pointId, CancellationToken ct) =>
        (await ListPointsAsync(session, pointId, null, ct)).SingleOrDefault();

    public async Task<IReadOnlyList<DistributionPoint>> ListPointsAsync(DbSession session, long? pointId,
        string? villageCode, CancellationToken ct)
    {
        // Filters as separate texts: PostgreSQL cannot type a parameter that is only ever compared with NULL.
        var where = pointId is not null ? "WHERE id = @pointId" : villageCode is not null ? "WHERE village_code = @villageCode" : "";
        var points = (await session.Connection.QueryAsync<PointRow>(new CommandDefinition(
            $"SELECT id AS Id, name AS Name, kind AS Kind, village_code AS VillageCode, created_at AS CreatedAt FROM distribution_points {where} ORDER BY id",
            new { pointId, villageCode }, session.Transaction, cancellationToken: ct))).ToList();
        var terminalWhere = pointId is not null ? "WHERE t.point_id = @pointId"
            : villageCode is not null ? "JOIN distribution_points p ON p.id = t.point_id WHERE p.village_code = @villageCode" : "";
        var terminals = (await session.Connection.QueryAsync<TerminalRow>(new CommandDefinition(
                $"SELECT t.id AS Id, t.point_id AS PointId, t.label AS Label, t.status AS Status, t.created_at AS CreatedAt FROM terminals t {terminalWhere} ORDER BY t.id",
                new { pointId, villageCode }, session.Transaction, cancellationToken: ct)))
            .Select(row => row.ToDomain())
            .ToLookup(terminal => terminal.PointId);
        return [.. points.Select(p => new DistributionPoint(p.Id, p.Name, DistributionPointKindCodes.Map.Parse(p.Kind), p.VillageCode, p.CreatedAt, [.. terminals[p.Id]]))];
    }

    private sealed class PointRow
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";

        public string Kind { get; init; } = "";

        public string VillageCode { get; init; } = "";

        public DateTimeOffset CreatedAt { get; init; }
    }

    private sealed class TerminalRow
    {
        public long Id { get; init; }

        public long PointId { get; init; }

        public string Label { get; init; } = "";

        public string Status { get; init; } = "";

        public DateTimeOffset CreatedAt { get; init; }

        public Terminal ToDomain() => new(Id, PointId, Label, TerminalStatusCodes.Map.Parse(Status), CreatedAt);
    }
}
