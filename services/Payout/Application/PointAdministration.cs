using Bansos.ServiceDefaults.Hosting;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Bansos.Payout.Data;
using Bansos.Payout.Domain;
using Bansos.ServiceDefaults.Audit;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Application;

/// <summary>Distribution points and terminals: create, enrol, enable and disable; each change audited.</summary>
public sealed class PointAdministration(IDbSessions sessions, PointStore points, PointChanges changes, IAuditTrail audit, TimeProvider time)
{
    /// <summary>
    /// A watcher gets the list again at least this often: it proves the watch is alive (the gateway
    /// refuses every terminal when its last list is older than 60 s) and carries changes another
    /// instance on the same database made, which <see cref="PointChanges"/> does not see.
    /// </summary>
    public static readonly TimeSpan WatchResendInterval = TimeSpan.FromSeconds(20);

    public async Task<DistributionPoint> CreatePointAsync(string actor, string? name, DistributionPointKind? kind, string? villageCode, CancellationToken ct)
    {
        var (validName, validVillage) = DistributionPointRules.ValidatePoint(name, kind, villageCode);
        return await sessions.WriteAsync(async session =>
        {
            if (await points.FindPointAsync(session, validVillage, validName, ct) is not null)
            {
                throw new ConflictException("Titik penyaluran dengan nama ini sudah ada di desa ini (a point with this name exists in the village).");
            }

            var id = await points.InsertPointAsync(session, validName, kind!.Value, validVillage, time.GetUtcNow(), ct);
            var point = (await points.GetPointAsync(session, id, ct))!;
            session.OnCommitted(changes.Notify);
            await audit.AppendAsync(session.Connection, session.Transaction, new AuditEntry(actor, "point.created", "distribution_point",
                Id(id), null, JsonSerializer.Serialize(new { point.Name, Kind = point.Kind.ToCode(), point.VillageCode })), ct);
            return point;
        }, ct: ct);
    }

    public async Task<Terminal> RegisterTerminalAsync(string actor, long pointId, string? label, CancellationToken ct)
    {
        var validLabel = DistributionPointRules.ValidateTerminalLabel(label);
        return await sessions.WriteAsync(async session =>
        {
            _ = await points.GetPointAsync(session, pointId, ct)
                ?? throw new NotFoundException("Titik penyaluran tidak ditemukan (distribution point not found).");
            var id = await points.InsertTerminalAsync(session, pointId, validLabel, time.GetUtcNow(), ct);
            session.OnCommitted(changes.Notify);
            await audit.AppendAsync(session.Connection, session.Transaction, new AuditEntry(actor, "terminal.registered", "terminal",
                Id(id), null, JsonSerializer.Serialize(new { pointId, label = validLabel, status = TerminalStatus.Active.ToCode() })), ct);
            return (await points.GetTerminalAsync(session, id, ct))!;
        }, ct: ct);
    }

    public async Task<Terminal> SetTerminalStatusAsync(string actor, long terminalId, TerminalStatus? status, string? reason, CancellationToken ct)
    {
        if (status is null || !Enum.IsDefined(status.Value))
        {
            throw new Bansos.ServiceDefaults.Hosting.ValidationException("status", "Status harus ACTIVE atau DISABLED (status must be ACTIVE or DISABLED).");
        }

        return await sessions.WriteAsync(async session =>
        {
            var before = await points.GetTerminalAsync(session, terminalId, ct)
                ?? throw new NotFoundException("Terminal tidak ditemukan (terminal not found).");
            await points.SetTerminalStatusAsync(session, terminalId, status.Value, time.GetUtcNow(), ct);
            session.OnCommitted(changes.Notify);
            await audit.AppendAsync(session.Connection, session.Transaction, new AuditEntry(actor, "terminal.status-changed", "terminal", Id(terminalId),
                JsonSerializer.Serialize(new { status = before.Status.ToCode() }),
                JsonSerializer.Serialize(new { status = status.Value.ToCode(), reason = reason?.Trim() ?? "" })), ct);
            return (await points.GetTerminalAsync(session, terminalId, ct))!;
        }, ct: ct);
    }

    public async Task<IReadOnlyList<DistributionPoint>> ListAsync(string? villageCode, CancellationToken ct)
    {
        var village = string.IsNullOrWhiteSpace(villageCode) ? null : villageCode.Trim();
        return await sessions.ReadAsync(session => points.ListPointsAsync(session, null, village, ct), ct);
    }

    /// <summary>
    /// Every point with its terminals now, then after each change and at least every
    /// <see cref="WatchResendInterval"/>, until <paramref name="expiresAt"/> (the caller's token expiry; without one,
    /// a single resend interval) or cancellation.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<DistributionPoint>> WatchAsync(DateTimeOffset? expiresAt, [EnumeratorCancellation] CancellationToken ct)
    {
        var until = expiresAt ?? time.GetUtcNow() + WatchResendInterval;
        while (time.GetUtcNow() < until)
        {
            var next = changes.NextChange;
            yield return await ListAsync(null, ct);
            var wait = until - time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                yield break;
            }

            try
            {
                await next.WaitAsync(wait < WatchResendInterval ? wait : WatchResendInterval, time, ct);
            }
            catch (TimeoutException)
            {
                // Nothing changed: send the list again (a heartbeat), or end at the token's expiry.
            }
        }
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
