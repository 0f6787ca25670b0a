using Bansos.Complaint.Data;
using Bansos.Complaint.Domain;
using Bansos.Contracts;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Complaint.Application;

/// <summary>
/// Tickets the service opens itself from payout declines, and notes from card events. Runs in the
/// consumer's session (inbox record and effect commit together). Idempotent beyond the inbox: a
/// decline already noted on the ticket (its <c>source</c>) is not noted again, and the unique open
/// key makes a second open automatic ticket for a household and category impossible — a concurrent
/// duplicate fails its insert, is retried, and then finds the first ticket.
/// </summary>
public sealed class AutomaticTicketing(
    ComplaintCommands commands,
    ComplaintStore store,
    HouseholdProjection households,
    ComplaintAudit audit,
    ILogger<AutomaticTicketing> logger)
{
    public async Task OnDeclinedAsync(DbSession session, PayoutDeclined declined, DateTimeOffset now, CancellationToken ct)
    {
        if (AutomaticTickets.CategoryFor(declined.Reason) is not { } category)
        {
            return; // not a decline the posko must follow up
        }

        if (declined.HouseholdId is not { } householdId)
        {
            logger.LogInformation("Payout {PayoutId} declined ({Reason}) for an unknown card: no ticket", declined.PayoutId, declined.Reason);
            return;
        }

        var source = AutomaticTickets.SourceOf(declined.PayoutId);
        var open = await store.FindOpenAsync(session, householdId, category, ct);
        if (open is not null)
        {
            if (open.PayoutId == declined.PayoutId)
            {
                return; // the decline that opened it
            }

            if (await store.AppendHistoryAsync(session, open.Id, new HistoryEntry(now, AutomaticTickets.Actor, ComplaintAction.Note, null, null,
                    AutomaticTickets.DeclineNote(declined.Reason, declined.TerminalId, declined.OccurredAt)), source, ct))
            {
                var noted = open with { Version = open.Version + 1 };
                await store.UpdateAsync(session, noted, now, ct);
                await audit.AppendAsync(session, AutomaticTickets.Actor, "complaint.note", open, noted, ct);
            }

            return;
        }

        var village = declined.VillageCode ?? await households.VillageOfAsync(session, householdId, ct);
        if (village is null)
        {
            logger.LogWarning("Payout {PayoutId} declined ({Reason}) for household {HouseholdId} of no known village: no ticket",
                declined.PayoutId, declined.Reason, householdId);
            return;
        }

        var filing = new ComplaintFiling(village, category, AutomaticTickets.Description(declined.Reason, declined.TerminalId),
            ComplaintChannel.Automatic, householdId, declined.PayoutId, null, "", "");
        var complaint = await commands.InsertAsync(session, filing, AutomaticTickets.Actor, now, AutomaticTickets.OpenKey(householdId, category), ct);
        logger.LogInformation("Ticket {Number} opened for household {HouseholdId} from payout {PayoutId} ({Reason})",
            complaint.Number.ToString(), householdId, declined.PayoutId, declined.Reason);
    }

    public async Task OnCardStatusChangedAsync(DbSession session, CardStatusChanged changed, DateTimeOffset now, CancellationToken ct)
    {
        if (changed.Status != CardStatuses.Replaced)
        {
            return;
        }

        var open = await store.FindOpenAsync(session, changed.HouseholdId, ComplaintCategory.CardLostOrBroken, ct);
        if (open is null)
        {
            return;
        }

        if (await store.AppendHistoryAsync(session, open.Id, new HistoryEntry(now, AutomaticTickets.Actor, ComplaintAction.Note, null, null,
                AutomaticTickets.CardReplacedNote), AutomaticTickets.SourceOfCard(changed.CardId, changed.Version), ct))
        {
            var noted = open with { Version = open.Version + 1 };
            await store.UpdateAsync(session, noted, now, ct);
            await audit.AppendAsync(session, AutomaticTickets.Actor, "complaint.note", open, noted, ct);
        }
    }
}
