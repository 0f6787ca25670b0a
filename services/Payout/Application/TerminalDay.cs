using Bansos.Payout.Data;
using Bansos.Payout.Domain;
using Bansos.ServiceDefaults.Hosting;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Application;

/// <summary>A terminal's own business day: its transactions and its settlement.</summary>
public sealed class TerminalDay(IDatabase database, PayoutStore payouts, ReportQueries reports, TrainingPeriods training, TimeProvider time)
{
    /// <summary>The terminal's payouts of the day, and which of their periods are training periods.</summary>
    public async Task<(DateOnly Date, IReadOnlyList<PayoutRecord> Payouts, IReadOnlySet<long> TrainingPeriodIds)> TransactionsAsync(
        long terminalId, string? businessDate, CancellationToken ct)
    {
        var date = DateOrToday(businessDate);
        await using var connection = await database.OpenConnectionAsync(ct);
        var day = await payouts.ListDayAsync(connection, terminalId, date, ct);
        return (date, day, await training.AmongAsync(day.Select(p => p.PeriodId), ct));
    }

    public async Task<(DateOnly Date, DayFigures Figures)> SettlementAsync(long terminalId, string? businessDate, CancellationToken ct)
    {
        var date = DateOrToday(businessDate);
        await using var connection = await database.OpenConnectionAsync(ct);
        return (date, await reports.TerminalDayAsync(connection, terminalId, date, ct));
    }

    private DateOnly DateOrToday(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return BusinessCalendar.BusinessDate(time.GetUtcNow());
        }

        return BusinessCalendar.TryParse(text.Trim(), out var date)
            ? date
            : throw new ValidationException("business_date", "Tanggal harus YYYY-MM-DD (date must be YYYY-MM-DD).");
    }
}
