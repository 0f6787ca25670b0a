using System.Data.Common;

namespace Bansos.ServiceDefaults.Audit;

/// <summary>The append-only, hash-chained audit log in the service's own database.</summary>
public interface IAuditTrail
{
    /// <summary>Appends <paramref name="entry"/> in the caller's transaction (so it commits with the change); returns its sequence.</summary>
    Task<long> AppendAsync(DbConnection connection, DbTransaction transaction, AuditEntry entry, CancellationToken ct = default);

    /// <summary>Recomputes the chain; returns the first sequence that does not verify (rewritten, missing or out of place), or null.</summary>
    Task<long?> VerifyChainAsync(CancellationToken ct = default);

    /// <summary>The history of one entity, oldest first.</summary>
    Task<IReadOnlyList<AuditRecord>> ListAsync(string entityType, string entityId, CancellationToken ct = default);
}
