using Bansos.Complaint.Data;
using Bansos.Contracts;
using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Complaint.Messaging;

/// <summary>Keeps a household's village current (a household may move village).</summary>
public sealed class HouseholdChangedConsumer(IDbSessions sessions, HouseholdProjection households)
    : InboxConsumer<HouseholdChanged>(sessions)
{
    protected override string ConsumerName => "complaint.household-changed";

    protected override Task HandleAsync(HouseholdChanged message, DbSession session, CancellationToken ct) =>
        households.UpsertAsync(session, message.HouseholdId, message.VillageCode, message.Version, message.OccurredAt, ct);
}
