using System.Reflection;
using Bansos.ServiceDefaults.Audit;
using Bansos.ServiceDefaults.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Bansos.ServiceDefaults;

public static class StorageExtensions
{
    /// <summary>
    /// Registers the service's <see cref="IDatabase"/> (SQLite or PostgreSQL, by configuration) and
    /// migrates it at start-up, before anything serves: first ServiceDefaults' own tables (outbox,
    /// inbox, audit log), then the service's embedded <c>*.Data.Migrations.NNNN_name.sql</c>.
    /// </summary>
    public static IHostApplicationBuilder AddBansosStorage(
        this IHostApplicationBuilder builder, string serviceName, Assembly migrationsAssembly)
    {
        IReadOnlyList<Migration> migrations =
            [.. MigrationSet.ServiceDefaults(), .. MigrationSet.FromAssembly(migrationsAssembly, serviceName)];

        // Read the provider from the built configuration, not the builder's: test hosts add settings late.
        builder.Services.AddSingleton(sp =>
        {
            var (dialect, connectionString) = StorageSettings.Resolve(sp.GetRequiredService<IConfiguration>(), serviceName);
            return new StorageRegistration(serviceName, dialect, connectionString, migrations);
        });
        builder.Services.AddSingleton<IDatabase>(sp =>
        {
            var registration = sp.GetRequiredService<StorageRegistration>();
            return registration.Dialect == DbDialect.Postgres
                ? new PostgresDatabase(registration.ConnectionString)
                : new SqliteDatabase(registration.ConnectionString);
        });
        // The unit of work (docs/service-defaults.md, "Sessions"); the outbox is there once AddBansosMessaging ran.
        builder.Services.AddSingleton<IDbSessions>(sp => new DbSessions(
            sp.GetRequiredService<IDatabase>(), sp.GetService<Messaging.IOutbox>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<MigrationGate>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IAuditTrail, AuditTrail>();
        builder.Services.AddHostedService<MigrationHostedService>();
        return builder;
    }
}
