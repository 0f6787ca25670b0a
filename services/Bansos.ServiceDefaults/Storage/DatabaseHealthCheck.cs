using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bansos.ServiceDefaults.Storage;

/// <summary>Ready when the database answers and start-up migrations have completed.</summary>
internal sealed class DatabaseHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var database = services.GetService<IDatabase>();
        if (database is null)
        {
            return HealthCheckResult.Healthy("no database");
        }

        var gate = services.GetService<MigrationGate>();
        if (gate is not null && !gate.Completed.IsCompletedSuccessfully)
        {
            return HealthCheckResult.Unhealthy("migrations have not completed");
        }

        try
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken));
            return HealthCheckResult.Healthy(database.Dialect.ToString());
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("database unreachable", ex);
        }
    }
}
