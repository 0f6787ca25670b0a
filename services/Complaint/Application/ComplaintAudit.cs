using System.Text.Json;
using Bansos.ServiceDefaults.Audit;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Complaint.Application;

/// <summary>The complaint service's entries in the hash-chained audit trail: ids, numbers and codes, never names, phones or NIKs.</summary>
public sealed class ComplaintAudit(IAuditTrail trail)
{
    public const string EntityType = "complaint";

    public Task AppendAsync(DbSession session, string actor, string action, Domain.Complaint? before, Domain.Complaint after, CancellationToken ct) =>
        trail.AppendAsync(session.Connection, session.Transaction,
            new AuditEntry(actor, action, EntityType, after.Id.ToString(), before is null ? null : Json(before), Json(after)), ct);

    private static string Json(Domain.Complaint c) => JsonSerializer.Serialize(new
    {
        number = c.Number.ToString(),
        village = c.VillageCode,
        category = Domain.ComplaintCodes.Code(c.Category),
        status = Domain.ComplaintCodes.Code(c.Status),
        assignee = c.Assignee,
        household = c.HouseholdId,
        version = c.Version,
    });
}
