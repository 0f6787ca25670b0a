using Bansos.ServiceDefaults.Hosting;
using System.Text.Json;
using Bansos.Contracts;
using Bansos.Payout.Data;
using Bansos.Payout.Domain;
using Bansos.ServiceDefaults.Audit;
using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Application;

/// <summary>Create, open and close aid periods; each change is audited and announced through the outbox.</summary>
public sealed class PeriodAdministration(IDbSessions sessions, IDatabase database, PeriodStore periods, IAuditTrail audit, TimeProvider time)
{
    public async Task<AidPeriod> CreateAsync(string actor, AidPeriodDraft draft, CancellationToken ct) =>
        await sessions.WriteAsync(async session =>
        {
            if (await periods.CodeExistsAsync(session, draft.Code, ct))
            {
                throw new ConflictException($"Kode periode {draft.Code} sudah ada (period code already exists).");
            }

            var id = await periods.InsertAsync(session, draft, time.GetUtcNow(), ct);
            var period = (await periods.GetAsync(session, id, ct))!;
            await audit.AppendAsync(session.Connection, session.Transaction,
                new AuditEntry(actor, "period.created", "aid_period", Id(period), null, Json(period)), ct);
            return period;
        }, ct: ct);

    public async Task<AidPeriod> OpenAsync(string actor, long periodId, CancellationToken ct) =>
        await sessions.WriteAsync(async session =>
        {
            // Alone against the projection consumers, so no household slips between them (see ProjectionLock).
            await ProjectionLock.ExclusiveAsync(session, ct);
            var before = await GetAsync(session, periodId, ct);
            AidPeriodLifecycle.EnsureCanOpen(before);
            var now = time.GetUtcNow();
            var count = await periods.OpenAsync(session, before, now, ct);
            var after = (await periods.GetAsync(session, periodId, ct))!;
            session.Outbox.Enqueue(new PeriodOpened(after.Id, after.Code, after.Programme,
                after.AmountPerHousehold, after.VillageCodes, (int)count, now));
            await audit.AppendAsync(session.Connection, session.Transaction,
                new AuditEntry(actor, "period.opened", "aid_period", Id(after), Json(before), Json(after)), ct);
            return after;
        }, ct: ct);

    public async Task<AidPeriod> CloseAsync(string actor, long periodId, CancellationToken ct) =>
        await sessions.WriteAsync(async session =>
        {
            var before = await GetAsync(session, periodId, ct);
            AidPeriodLifecycle.EnsureCanClose(before);
            var now = time.GetUtcNow();
            await periods.CloseAsync(session, before, now, ct);
            var after = (await periods.GetAsync(session, periodId, ct))!;
            session.Outbox.Enqueue(new PeriodClosed(after.Id, after.Code, now));
            await audit.AppendAsync(session.Connection, session.Transaction,
                new AuditEntry(actor, "period.closed", "aid_period", Id(after), Json(before), Json(after)), ct);
            return after;
        }, ct: ct);

    public async Task<AidPeriod> GetAsync(long periodId, CancellationToken ct)
    {
        return await sessions.ReadAsync(session => periods.GetAsync(session, periodId, ct), ct) ?? throw NotFound();
    }

    public async Task<IReadOnlyList<AidPeriod>> ListAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await periods.ListAsync(connection, ct);
    }

    private async Task<AidPeriod> GetAsync(DbSession session, long periodId, CancellationToken ct) =>
        await periods.GetAsync(session, periodId, ct) ?? throw NotFound();

    private static NotFoundException NotFound() => new("Periode tidak ditemukan (period not found).");

    private static string Id(AidPeriod period) => period.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // Without the entitlement count: it is not something a person changed.
    private static string Json(AidPeriod period) => JsonSerializer.Serialize(new
    {
        period.Code,
        period.Programme,
        period.AmountPerHousehold,
        StartDate = BusinessCalendar.Format(period.StartDate),
        EndDate = BusinessCalendar.Format(period.EndDate),
        period.VillageCodes,
        Status = period.Status.ToCode(),
    });
}
