using Bansos.Registry.Application;
using Bansos.ServiceDefaults.Storage;
using Dapper;

namespace Bansos.Registry.Seeding;

/// <summary>
/// With <c>Bansos:Pilot:Seed=true</c>, loads the pilot (707 households of four villages in Bengkulu
/// Utara, <c>Seed/pilot-households.csv</c>) into an empty registry through the ordinary import, then
/// issues a card to every household. Runs once the schema is migrated; does nothing on a registry that
/// already has households, so restarts are harmless.
/// </summary>
public sealed class PilotSeeder(
    IServiceProvider services, IConfiguration configuration, ILogger<PilotSeeder> logger) : BackgroundService
{
    public const string Actor = "system:pilot-seed";

    public static string SeedFile => Path.Combine(AppContext.BaseDirectory, "Seed", "pilot-households.csv");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Bansos:Pilot:Seed", false))
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MigrationGate>().WaitAsync(stoppingToken);
        var database = scope.ServiceProvider.GetRequiredService<IDatabase>();
        await using (var connection = await database.OpenConnectionAsync(stoppingToken))
        {
            if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM households") > 0)
            {
                logger.LogInformation("Pilot seed skipped: the registry already has households");
                return;
            }
        }

        var importer = scope.ServiceProvider.GetRequiredService<HouseholdImporter>();
        await using var upload = await importer.ReceiveAsync(async (target, ct) =>
        {
            await using var file = File.OpenRead(SeedFile);
            await file.CopyToAsync(target, ct);
        }, stoppingToken);
        var report = await importer.ImportAsync(upload, new ImportRequest(true, Path.GetFileName(SeedFile)), Actor, stoppingToken);
        if (!report.Committed)
        {
            logger.LogError("Pilot seed failed: {Rejected} rows rejected, file error {FileError}", report.RowsRejected, report.FileError?.Code);
            return;
        }

        var cards = await scope.ServiceProvider.GetRequiredService<CardCommands>().IssueMissingAsync(Actor, stoppingToken);
        logger.LogInformation("Pilot seeded: {Households} households, {Cards} cards", report.HouseholdsCreated, cards);
    }
}
