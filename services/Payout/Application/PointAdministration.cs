using Bansos.ServiceDefaults.Hosting;
using System.Globalization;
using System.Text.Json;
using Bansos.Payout.Data;
using Bansos.Payout.Domain;
using Bansos.ServiceDefaults.Audit;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Application;

/// <summary>Distribution points and terminals: create, enrol, enable and disable; each change audited.</summary>
public sealed class PointAdministration(IDatabase database, PointStore points, IAuditTrail audit, TimeProvider time)
{
    public async Task<DistributionPoint> CreatePointAsync(string actor, string? name, DistributionPointKind? kind, string? villageCode, CancellationToken ct)
    {
        var (validName, validVillage) = DistributionPointRules.ValidatePoint(name, kind, villageCode);
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            if (await points.FindPointAsync(connection, transaction, validVillage, validName, ct) is not null)
            {
                throw new ConflictException("Titik penyaluran dengan nama ini sudah ada di desa ini (a point with this name exists in the village).");
            }

            var id = await points.InsertPointAsync(connection, transaction, validName, kind!.Value, validVillage, time.GetUtcNow(), ct);
            var point = (await points.GetPointAsync(connection, transaction, id, ct))!;
            await audit.AppendAsync(connection, transaction, new AuditEntry(actor, "point.created", "distribution_point",
                Id(id), null, JsonSerializer.Serialize(new { point.Name, Kind = PointStore.KindName(point.Kind), point.VillageCode })), ct);
            return point;
        }, ct: ct);
    }

    public async Task<Terminal> RegisterTerminalAsync(string actor, long pointId, string? label, CancellationToken ct)
    {
        var validLabel = DistributionPointRules.ValidateTerminalLabel(label);
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            _ = await points.GetPointAsync(connection, transaction, pointId, ct)
                ?? throw new NotFoundException("Titik penyaluran tidak ditemukan (distribution point not found).");
            var id = await points.InsertTerminalAsync(connection, transaction, pointId, validLabel, time.GetUtcNow(), ct);
            await audit.AppendAsync(connection, transaction, new AuditEntry(actor, "terminal.registered", "terminal",
                Id(id), null, JsonSerializer.Serialize(new { pointId, label = validLabel, status = "ACTIVE" })), ct);
            return (await points.GetTerminalAsync(connection, transaction, id, ct))!;
        }, ct: ct);
    }

    public async Task<Terminal> SetTerminalStatusAsync(string actor, long terminalId, TerminalStatus? status, string? reason, CancellationToken ct)
    {
        if (status is null || !Enum.IsDefined(status.Value))
        {
            throw new Bansos.ServiceDefaults.Hosting.ValidationException("status", "Status harus ACTIVE atau DISABLED (status must be ACTIVE or DISABLED).");
        }

        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            var before = await points.GetTerminalAsync(connection, transaction, terminalId, ct)
                ?? throw new NotFoundException("Terminal tidak ditemukan (terminal not found).");
            await points.SetTerminalStatusAsync(connection, transaction, terminalId, status.Value, time.GetUtcNow(), ct);
            await audit.AppendAsync(connection, transaction, new AuditEntry(actor, "terminal.status-changed", "terminal", Id(terminalId),
                JsonSerializer.Serialize(new { status = PointStore.StatusName(before.Status) }),
                JsonSerializer.Serialize(new { status = PointStore.StatusName(status.Value), reason = reason?.Trim() ?? "" })), ct);
            return (await points.GetTerminalAsync(connection, transaction, terminalId, ct))!;
        }, ct: ct);
    }

    public async Task<IReadOnlyList<DistributionPoint>> ListAsync(string? villageCode, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await points.ListPointsAsync(connection, null, null, string.IsNullOrWhiteSpace(villageCode) ? null : villageCode.Trim(), ct);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
