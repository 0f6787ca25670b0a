using Bansos.Payout.Data;
using Bansos.Payout.Domain;
using Bansos.ServiceDefaults.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bansos.Payout.Application;

/// <summary>
/// The pilot of Kabupaten Bengkulu Utara (Bansos:Pilot:Seed=true): period SEMBAKO-2021-11 of
/// Rp 200 000 over the four pilot villages, and in each village a posko with one terminal
/// (docs/architecture.md §9). The period is opened at once; households the registry announces later get their
/// entitlements from the projection consumers. Safe to run at every start: what exists is kept.
/// The window starts on the first start's business day and lasts 90 days unless
/// Bansos:Pilot:PeriodStart/PeriodEnd say otherwise (a 2021 window would decline every payout).
/// </summary>
public sealed partial class PilotSeeder(
    PilotSeedOptions options,
    IDbSessions sessions,
    MigrationGate gate,
    PeriodStore periods,
    PointStore points,
    PeriodAdministration periodAdministration,
    PointAdministration pointAdministration,
    TimeProvider time,
    ILogger<PilotSeeder> logger) : BackgroundService
{
    public const string PeriodCode = "SEMBAKO-2021-11";
    public const long Amount = 200_000;
    public const string Actor = "system:pilot-seed";

    public static readonly IReadOnlyList<(string Code, string Name)> Villages =
    [
        ("17.03.12.2001", "Urai"),
        ("17.03.12.2003", "Giri Kencana"),
        ("17.03.14.2017", "Air Petai"),
        ("17.03.14.2013", "Air Muring"),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Seed)
        {
            return;
        }

        await gate.WaitAsync(stoppingToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SeedAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (attempt < 5 && !stoppingToken.IsCancellationRequested)
            {
                LogRetry(ex, attempt);
                await Task.Delay(TimeSpan.FromSeconds(attempt), stoppingToken);
            }
        }
    }

    /// <summary>Seeds what is missing; public for tests.</summary>
    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var (code, name) in Villages)
        {
            var pointName = "Posko " + name;
            long pointId;
            pointId = await sessions.ReadAsync(session => points.FindPointAsync(session, code, pointName, ct), ct) ?? 0;

            if (pointId == 0)
            {
                pointId = (await pointAdministration.CreatePointAsync(Actor, pointName, DistributionPointKind.Posko, code, ct)).Id;
            }

            DistributionPoint point;
            point = (await sessions.ReadAsync(session => points.GetPointAsync(session, pointId, ct), ct))!;

            var terminal = (point.Terminals.Count > 0 ? point.Terminals[0] : null) ?? await pointAdministration.RegisterTerminalAsync(Actor, pointId, "Terminal 1", ct);
            LogPoint(pointName, code, pointId, terminal.Id);
        }

        AidPeriod? period;
        period = await sessions.ReadAsync(session => periods.GetByCodeAsync(session, PeriodCode, ct), ct);

        if (period is null)
        {
            var start = options.PeriodStart ?? BusinessCalendar.BusinessDate(time.GetUtcNow());
            var end = options.PeriodEnd ?? start.AddDays(90);
            var draft = AidPeriodDraft.Create(PeriodCode, Programmes.Sembako, Amount, BusinessCalendar.Format(start), BusinessCalendar.Format(end),
                [.. Villages.Select(v => v.Code)]);
            period = await periodAdministration.CreateAsync(Actor, draft, ct);
        }

        if (period.Status == AidPeriodStatus.Draft)
        {
            period = await periodAdministration.OpenAsync(Actor, period.Id, ct);
        }

        LogPeriod(period.Code, period.Id, period.Status.ToCode(), period.EntitlementCount);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pilot point {Name} ({Village}): point {PointId}, terminal {TerminalId}")]
    private partial void LogPoint(string name, string village, long pointId, long terminalId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pilot period {Code}: id {PeriodId}, {Status}, {Entitlements} entitlements so far")]
    private partial void LogPeriod(string code, long periodId, string status, long entitlements);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pilot seeding failed (attempt {Attempt}); retrying")]
    private partial void LogRetry(Exception exception, int attempt);
}
