using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bansos.ServiceDefaults.Storage;

/// <summary>
/// Migrates in <see cref="IHostedLifecycleService.StartingAsync"/>, which the host runs before
/// any hosted service's StartAsync: Kestrel, the MassTransit bus and the outbox relay all start
/// on the current schema. A failed migration fails start-up.
/// </summary>
internal sealed class MigrationHostedService(
    IDatabase database,
    StorageRegistration registration,
    MigrationGate gate,
    ILogger<DatabaseMigrator> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        try
        {
            var migrator = new DatabaseMigrator(database, logger);
            var applied = await migrator.MigrateAsync(registration.Migrations, cancellationToken);
            logger.LogInformation("Database {Service} ({Dialect}) is at the current schema; {Applied} migrations applied now",
                registration.ServiceName, database.Dialect, applied);
            gate.Open();
        }
        catch (Exception ex)
        {
            gate.Fail(ex);
            throw;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
