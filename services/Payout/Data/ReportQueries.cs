using System.Data.Common;
using Bansos.Payout.Domain;
using Dapper;

namespace Bansos.Payout.Data;

/// <summary>Read-only figures for reports and settlements (sums cast to BIGINT: PostgreSQL widens SUM(bigint) to numeric).</summary>
public sealed class ReportQueries
{
    // Payouts against a training period (aid_periods.training) are counted apart, in the Training* columns only.
    private const string DayFiguresColumns =
        """
        CAST(COALESCE(SUM(CASE WHEN p.result = 'APPROVED' AND COALESCE(ap.training, 0) = 0 THEN 1 ELSE 0 END), 0) AS BIGINT) AS ApprovedCount,
        CAST(COALESCE(SUM(CASE WHEN p.result = 'APPROVED' AND COALESCE(ap.training, 0) = 0 THEN p.amount ELSE 0 END), 0) AS BIGINT) AS ApprovedAmount,
        CAST(COALESCE(SUM(CASE WHEN p.reversed_at IS NOT NULL AND COALESCE(ap.training, 0) = 0 THEN 1 ELSE 0 END), 0) AS BIGINT) AS ReversedCount,
        CAST(COALESCE(SUM(CASE WHEN p.reversed_at IS NOT NULL AND COALESCE(ap.training, 0) = 0 THEN p.amount ELSE 0 END), 0) AS BIGINT) AS ReversedAmount,
        CAST(COALESCE(SUM(CASE WHEN p.result = 'DECLINED' AND COALESCE(ap.training, 0) = 0 THEN 1 ELSE 0 END), 0) AS BIGINT) AS DeclinedCount,
        CAST(COALESCE(SUM(CASE WHEN p.result = 'APPROVED' AND ap.training = 1 THEN 1 ELSE 0 END), 0) AS BIGINT) AS TrainingApprovedCount,
        CAST(COALESCE(SUM(CASE WHEN p.result = 'APPROVED' AND ap.training = 1 THEN p.amount ELSE 0 END), 0) AS BIGINT) AS TrainingApprovedAmount,
        CAST(COALESCE(SUM(CASE WHEN p.reversed_at IS NOT NULL AND ap.training = 1 THEN 1 ELSE 0 END), 0) AS BIGINT) AS TrainingReversedCount,
        CAST(COALESCE(SUM(CASE WHEN p.reversed_at IS NOT NULL AND ap.training = 1 THEN p.amount ELSE 0 END), 0) AS BIGINT) AS TrainingReversedAmount,
        CAST(COALESCE(SUM(CASE WHEN p.result = 'DECLINED' AND ap.training = 1 THEN 1 ELSE 0 END), 0) AS BIGINT) AS TrainingDeclinedCount
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
            LEFT JOIN aid_periods ap ON ap.id = p.period_id
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
            LEFT JOIN aid_periods ap ON ap.id = p.period_id
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

        public long TrainingApprovedCount { get; init; }

        public long TrainingApprovedAmount { get; init; }

        public long TrainingReversedCount { get; init; }

        public long TrainingReversedAmount { get; init; }

        public long TrainingDeclinedCount { get; init; }

        public DayFigures ToDomain() => new(TerminalId, ApprovedCount, ApprovedAmount, ReversedCount, ReversedAmount, DeclinedCount)
        {
            Training = new DayFigures(TerminalId, TrainingApprovedCount, TrainingApprovedAmount, TrainingReversedCount, TrainingReversedAmount, TrainingDeclinedCount),
        };
    }
}
