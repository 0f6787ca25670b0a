namespace Bansos.ServiceDefaults.Storage;

/// <summary>The SQL dialect of a service's database.</summary>
public enum DbDialect
{
    Sqlite,
    Postgres,
}
