using Bansos.Complaint.Data;
using Bansos.Contracts;
using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Complaint.Messaging;

/// <summary>Projects a new household (id and village) for the "unknown household" check and automatic tickets.</summary>
public sealed class HouseholdRegisteredConsumer(IDbSessions sessions, HouseholdProjection households)
    : InboxConsumer<HouseholdRegistered>(sessions)
{
    protected override string ConsumerName => "complaint.household-registered";

    protected override Task HandleAsync(HouseholdRegistered message, DbSession session, CancellationToken ct) =>
        households.UpsertAsync(session, message.HouseholdId, message.VillageCode, message.Version, message.OccurredAt, ct);
}
