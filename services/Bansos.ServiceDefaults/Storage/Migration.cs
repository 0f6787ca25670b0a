namespace Bansos.ServiceDefaults.Storage;

/// <summary>
/// One schema version. <see cref="Scope"/> keeps independent version sequences apart in one
/// database: the service's own (its name) and ServiceDefaults' outbox/inbox/audit tables.
/// </summary>
public sealed record Migration(string Scope, int Version, string Name, string Sql);
