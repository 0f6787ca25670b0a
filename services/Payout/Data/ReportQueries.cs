using System.Data.Common;
using Bansos.Payout.Domain;
using Dapper;

namespace Bansos.Payout.Data;

/// <summary>Read-only figures for reports and settlements (sums cast to BIGINT: PostgreSQL widens SUM(bigint) to numeric).</summary>
public sealed class ReportQueries
{
    private const string DayFiguresColumns =
        """
        CAST(COALESCE(SUM(CASE WHEN p.result = 'APPROVED' THEN 1 ELSE 0 END), 0) AS BIGINT) AS ApprovedCount,
        CAST(COALESCE(SUM(CASE WHEN p.result = 'APPROVED' THEN p.amount ELSE 0 END), 0) AS BIGINT) AS ApprovedAmount,
        CAST(COALESCE(SUM(CASE WHEN p.reversed_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS ReversedCount,
        CAST(COALESCE(SUM(CASE WHEN p.reversed_at IS NOT NULL THEN p.amount ELSE 0 END), 0) AS BIGINT) AS ReversedAmount,
        CAST(COALESCE(SUM(CASE WHEN p.result = 'DECLINED' THEN 1 ELSE 0 END), 0) AS BIGINT) AS DeclinedCount
        """;

    public async Task<IReadOnlyList<VillageFigures>> PeriodVillagesAsync(DbConnection connection, long periodId, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<VillageRow>(new CommandDefinition(
            """
            SELECT v.village_code AS VillageCode,
                   COUNT(e.id) AS EntitledHouseholds,
                   CAST(COALESCE(SUM(CASE WHEN e.balance < e.amount THEN 1 ELSE 0 END), 0) AS BIGINT) AS PaidHouseholds,
                   CAST(COALESCE(SUM(CASE WHEN e.balance = 0 THEN 1 ELSE 0 END), 0) AS BIGINT) AS FullyPaidHouseholds,
                   CAST(COALESCE(SUM(e.amount), 0) AS BIGINT) AS AmountEntitled,
                   CAST(COALESCE(SUM(e.amount - e.balance), 0) AS BIGINT) AS AmountPaid
            FROM period_villages v
            LEFT JOIN entitlements e ON e.period_id = v.period_id AND e.village_code = v.village_code
            WHERE v.period_id = @periodId
            GROUP BY v.village_code
            ORDER BY v.village_code
            """,
            new { periodId }, cancellationToken: ct));
        return [.. rows.Select(r => new VillageFigures(r.VillageCode, r.EntitledHouseholds, r.PaidHouseholds, r.FullyPaidHouseholds, r.AmountEntitled, r.AmountPaid))];
    }

    public async Task<IReadOnlyList<DayFigures>> PointDayAsync(DbConnection connection, long pointId, DateOnly businessDate, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<DayRow>(new CommandDefinition(
            $"""
            SELECT t.id AS TerminalId,
            {DayFiguresColumns}
            FROM terminals t
            LEFT JOIN payouts p ON p.terminal_id = t.id AND p.business_date = @date
            WHERE t.point_id = @pointId
            GROUP BY t.id
            ORDER BY t.id
            """,
            new { pointId, date = BusinessCalendar.Format(businessDate) }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToDomain())];
    }

    public async Task<DayFigures> TerminalDayAsync(DbConnection connection, long terminalId, DateOnly businessDate, CancellationToken ct)
    {
        var row = await connection.QuerySingleAsync<DayRow>(new CommandDefinition(
            $"""
            SELECT @terminalId AS TerminalId,
            {DayFiguresColumns}
            FROM payouts p
            WHERE p.terminal_id = @terminalId AND p.business_date = @date
            """,
            new { terminalId, date = BusinessCalendar.Format(businessDate) }, cancellationToken: ct));
        return row.ToDomain();
    }

    private sealed class VillageRow
    {
        public string VillageCode { get; init; } = "";

        public long EntitledHouseholds { get; init; }

        public long PaidHouseholds { get; init; }

        public long FullyPaidHouseholds { get; init; }

        public long AmountEntitled { get; init; }

        public long AmountPaid { get; init; }
    }

    private sealed class DayRow
    {
        public long TerminalId { get; init; }

        public long ApprovedCount { get; init; }

        public long ApprovedAmount { get; init; }

        public long ReversedCount { get; init; }

        public long ReversedAmount { get; init; }

        public long DeclinedCount { get; init; }

        public DayFigures ToDomain() => new(TerminalId, ApprovedCount, ApprovedAmount, ReversedCount, ReversedAmount, DeclinedCount);
    }
}
