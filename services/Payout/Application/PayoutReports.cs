using Bansos.Payout.Data;
using Bansos.Payout.Domain;
using Bansos.ServiceDefaults.Hosting;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Application;

/// <summary>Reports for admins and auditors: per period and village, per distribution point and day.</summary>
public sealed class PayoutReports(IDbSessions sessions, PeriodStore periods, PointStore points, ReportQueries reports)
{
    public async Task<(AidPeriod Period, IReadOnlyList<VillageFigures> Villages)> PeriodVillagesAsync(long periodId, CancellationToken ct)
    {
        return await sessions.ReadAsync(async session =>
        {
            var period = await periods.GetAsync(session, periodId, ct)
                ?? throw new NotFoundException("Periode tidak ditemukan (period not found).");
            return (period, await reports.PeriodVillagesAsync(session.Connection, periodId, ct));
        }, ct);
    }

    public async Task<(DateOnly Date, IReadOnlyList<DayFigures> Terminals)> PointDayAsync(long pointId, string? businessDate, CancellationToken ct)
    {
        if (!BusinessCalendar.TryParse(businessDate?.Trim(), out var date))
        {
            throw new ValidationException("business_date", "Tanggal harus YYYY-MM-DD (date must be YYYY-MM-DD).");
        }

        return await sessions.ReadAsync(async session =>
        {
            _ = await points.GetPointAsync(session, pointId, ct)
                ?? throw new NotFoundException("Titik penyaluran tidak ditemukan (distribution point not found).");
            return (date, await reports.PointDayAsync(session.Connection, pointId, date, ct));
        }, ct);
    }
}
