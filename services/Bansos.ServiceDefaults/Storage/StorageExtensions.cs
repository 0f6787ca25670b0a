using System.Reflection;
using Bansos.ServiceDefaults.Audit;
using Bansos.ServiceDefaults.Storage;
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
        var (dialect, connectionString) = StorageSettings.Resolve(builder.Configuration, serviceName);
        IReadOnlyList<Migration> migrations =
            [.. MigrationSet.ServiceDefaults(), .. MigrationSet.FromAssembly(migrationsAssembly, serviceName)];

        builder.Services.AddSingleton(new StorageRegistration(serviceName, dialect, connectionString, migrations));
        builder.Services.AddSingleton<IDatabase>(_ => dialect == DbDialect.Postgres
            ? new PostgresDatabase(connectionString)
            : new SqliteDatabase(connectionString));
        builder.Services.AddSingleton<MigrationGate>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IAuditTrail, AuditTrail>();
        builder.Services.AddHostedService<MigrationHostedService>();
        return builder;
    }
}
