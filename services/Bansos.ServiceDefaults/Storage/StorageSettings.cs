using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Bansos.ServiceDefaults.Storage;

/// <summary>Chooses the provider from configuration (see docs/service-defaults.md).</summary>
public static class StorageSettings
{
    public static (DbDialect Dialect, string ConnectionString) Resolve(IConfiguration configuration, string serviceName)
    {
        var connectionString = configuration.GetConnectionString(serviceName);
        var provider = configuration["Bansos:Storage:Provider"];
        var isPostgres = string.Equals(provider, "postgres", StringComparison.OrdinalIgnoreCase) ||
                         string.Equals(provider, "postgresql", StringComparison.OrdinalIgnoreCase) ||
                         (connectionString?.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase) ?? false);
        if (isPostgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    $"Bansos:Storage:Provider is postgres but ConnectionStrings:{serviceName} is not set.");
            }

            return (DbDialect.Postgres, connectionString);
        }

        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return (DbDialect.Sqlite, connectionString); // e.g. "Data Source=/var/lib/bansos/registry.db"
        }

        var dataDir = configuration["Bansos:DataDir"];
        if (string.IsNullOrWhiteSpace(dataDir))
        {
            dataDir = "./data";
        }

        var path = Path.GetFullPath(Path.Combine(dataDir, serviceName + ".db"));
        return (DbDialect.Sqlite, new SqliteConnectionStringBuilder { DataSource = path }.ToString());
    }
}
