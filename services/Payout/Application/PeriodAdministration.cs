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
public sealed class PeriodAdministration(IDatabase database, PeriodStore periods, IOutbox outbox, IAuditTrail audit, TimeProvider time)
{
    public async Task<AidPeriod> CreateAsync(string actor, AidPeriodDraft draft, CancellationToken ct) =>
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            if (await periods.CodeExistsAsync(connection, transaction, draft.Code, ct))
            {
                throw new ConflictException($"Kode periode {draft.Code} sudah ada (period code already exists).");
            }

            var id = await periods.InsertAsync(connection, transaction, draft, time.GetUtcNow(), ct);
            var period = (await periods.GetAsync(connection, transaction, id, ct))!;
            await audit.AppendAsync(connection, transaction,
                new AuditEntry(actor, "period.created", "aid_period", Id(period), null, Json(period)), ct);
            return period;
        }, ct: ct);

    public async Task<AidPeriod> OpenAsync(string actor, long periodId, CancellationToken ct) =>
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            // Alone against the projection consumers, so no household slips between them (see ProjectionLock).
            await ProjectionLock.ExclusiveAsync(connection, transaction, database.Dialect, ct);
            var before = await GetAsync(connection, transaction, periodId, ct);
            AidPeriodLifecycle.EnsureCanOpen(before);
            var now = time.GetUtcNow();
            var count = await periods.OpenAsync(connection, transaction, before, now, ct);
            var after = (await periods.GetAsync(connection, transaction, periodId, ct))!;
            await outbox.EnqueueAsync(connection, transaction, new PeriodOpened(after.Id, after.Code, after.Programme,
                after.AmountPerHousehold, after.VillageCodes, (int)count, now), ct);
            await audit.AppendAsync(connection, transaction,
                new AuditEntry(actor, "period.opened", "aid_period", Id(after), Json(before), Json(after)), ct);
            return after;
        }, ct: ct);

    public async Task<AidPeriod> CloseAsync(string actor, long periodId, CancellationToken ct) =>
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            var before = await GetAsync(connection, transaction, periodId, ct);
            AidPeriodLifecycle.EnsureCanClose(before);
            var now = time.GetUtcNow();
            await periods.CloseAsync(connection, transaction, before, now, ct);
            var after = (await periods.GetAsync(connection, transaction, periodId, ct))!;
            await outbox.EnqueueAsync(connection, transaction, new PeriodClosed(after.Id, after.Code, now), ct);
            await audit.AppendAsync(connection, transaction,
                new AuditEntry(actor, "period.closed", "aid_period", Id(after), Json(before), Json(after)), ct);
            return after;
        }, ct: ct);

    public async Task<AidPeriod> GetAsync(long periodId, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await periods.GetAsync(connection, null, periodId, ct) ?? throw NotFound();
    }

    public async Task<IReadOnlyList<AidPeriod>> ListAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await periods.ListAsync(connection, ct);
    }

    private async Task<AidPeriod> GetAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, long periodId, CancellationToken ct) =>
        await periods.GetAsync(connection, transaction, periodId, ct) ?? throw NotFound();

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
        Status = AidPeriodLifecycle.StatusName(period.Status),
    });
}
