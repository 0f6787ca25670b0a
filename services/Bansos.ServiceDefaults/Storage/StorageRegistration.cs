namespace Bansos.ServiceDefaults.Storage;

/// <summary>What <c>AddBansosStorage</c> was told: the service and the migrations to apply at start-up.</summary>
public sealed record StorageRegistration(string ServiceName, DbDialect Dialect, string ConnectionString, IReadOnlyList<Migration> Migrations);
