using Bansos.Complaint.Data;
using Bansos.Complaint.Domain;
using Bansos.Contracts;
using Bansos.ServiceDefaults.Hosting;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Complaint.Application;

/// <summary>
/// Filing and changing tickets: each command is one unit of work (ticket, history, audit entry and
/// event commit together or not at all). Every check runs before the first write.
/// </summary>
public sealed class ComplaintCommands(
    IDbSessions sessions,
    ComplaintStore store,
    HouseholdProjection households,
    ComplaintAudit audit,
    ComplaintRules rules,
    SlaPolicy sla,
    ComplaintOptions options,
    TimeProvider time)
{
    public async Task<ComplaintView> FileAsync(Caller caller, ComplaintDraft draft, CancellationToken ct)
    {
        var now = Now();
        var (filing, violations) = rules.Validate(draft, Wib.DateOf(now));
        if (filing is null)
        {
            throw new ValidationException(violations);
        }

        if (!caller.Scope.CanFile(filing.VillageCode))
        {
            throw new VillageNotAllowedException(
                caller.Scope.ReadOnly ? ComplaintMessages.ReadOnly
                : caller.Scope.FileOnly ? ComplaintMessages.TerminalVillage
                : ComplaintMessages.VillageNotServed);
        }

        return await sessions.WriteAsync(async session =>
        {
            if (filing.HouseholdId is { } householdId)
            {
                var village = await households.VillageOfAsync(session, householdId, ct)
                    ?? throw new ValidationException("household_id", ComplaintMessages.HouseholdUnknown);
                if (village != filing.VillageCode)
                {
                    throw new ValidationException("household_id", ComplaintMessages.HouseholdOtherVillage);
                }
            }

            var complaint = await InsertAsync(session, filing, caller.Subject, now, openAutomaticKey: null, ct);
            return new ComplaintView(complaint, await store.HistoryAsync(session, complaint.Id, ct), complaint.SlaAt(now));
        }, ct: ct);
    }

    /// <summary>Numbers, writes and announces a new ticket in <paramref name="session"/> (also the automatic tickets' path).</summary>
    internal async Task<Domain.Complaint> InsertAsync(DbSession session, ComplaintFiling filing, string actor, DateTimeOffset now,
        string? openAutomaticKey, CancellationToken ct)
    {
        var complaint = new Domain.Complaint
        {
            Id = Guid.CreateVersion7(now),
            Number = await store.NextNumberAsync(session, TicketNumber.YearOf(now), ct),
            VillageCode = filing.VillageCode,
            Category = filing.Category,
            Description = filing.Description,
            Channel = filing.Channel,
            HouseholdId = filing.HouseholdId,
            PayoutId = filing.PayoutId,
            Nik = filing.Nik,
            ReporterName = filing.ReporterName,
            ReporterPhone = filing.ReporterPhone,
            Status = ComplaintStatus.Received,
            FiledAt = now,
            FiledBy = actor,
            DueAt = sla.DueAt(filing.Category, now),
            Version = 1,
        };
        await store.InsertAsync(session, complaint, openAutomaticKey, ct);
        await store.AppendHistoryAsync(session, complaint.Id,
            new HistoryEntry(now, actor, ComplaintAction.Filed, null, ComplaintStatus.Received, null),
            complaint.PayoutId is { } payout ? AutomaticTickets.SourceOf(payout) : null, ct);
        await audit.AppendAsync(session, actor, "complaint.filed", null, complaint, ct);
        session.Outbox.Enqueue(new ComplaintFiled(complaint.Id, complaint.Number.ToString(), complaint.VillageCode,
            complaint.Category.Code(), complaint.Channel.Code(), complaint.HouseholdId, complaint.PayoutId, complaint.DueAt,
            complaint.Version, now));
        return complaint;
    }

    public Task<ComplaintView> TransitionAsync(Caller caller, Guid complaintId, Transition transition, string? text, CancellationToken ct)
    {
        // A resolution or rejection needs its text; a reopen may carry one.
        string? checkedText = transition switch
        {
            Transition.Resolve or Transition.Reject => rules.RequireText(text, "resolution", "Penyelesaian"),
            Transition.Reopen when !string.IsNullOrWhiteSpace(text) => rules.RequireText(text, "reason", "Alasan"),
            _ => null,
        };
        return ChangeAsync(caller, complaintId, (session, current, now) =>
        {
            var next = ComplaintWorkflow.Next(current.Status, transition, current.ResolvedAt, now, options.ReopenWindow);
            var closing = !ComplaintWorkflow.IsOpen(next);
            var changed = current with
            {
                Status = next,
                Resolution = closing ? checkedText : current.Resolution,
                ResolvedAt = closing ? now : current.ResolvedAt,
                Version = current.Version + 1,
            };
            var entry = new HistoryEntry(now, caller.Subject, ComplaintAction.StatusChanged, current.Status, next, checkedText);
            session.Outbox.Enqueue(new ComplaintStatusChanged(changed.Id, changed.Number.ToString(), changed.VillageCode,
                current.Status.Code(), next.Code(), changed.Version, now));
            return (changed, entry, "complaint." + transition.ToString().ToLowerInvariant());
        }, ct);
    }

    public Task<ComplaintView> AssignAsync(Caller caller, Guid complaintId, string? assignee, CancellationToken ct)
    {
        var who = string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim();
        if (who is { Length: > ComplaintRules.MaxNameLength })
        {
            throw new ValidationException("assignee", ComplaintMessages.TooLong("Petugas", ComplaintRules.MaxNameLength));
        }

        return ChangeAsync(caller, complaintId, (_, current, now) =>
        {
            if (!current.IsOpen)
            {
                throw new TransitionRefusedException(current.Status, Transition.Start,
                    $"Tiket berstatus {current.Status.Code()}; penugasan hanya untuk tiket terbuka (only open tickets are assigned)");
            }

            var changed = current with { Assignee = who, Version = current.Version + 1 };
            return (changed, new HistoryEntry(now, caller.Subject, ComplaintAction.Assigned, null, null, who), "complaint.assigned");
        }, ct);
    }

    public Task<ComplaintView> AddNoteAsync(Caller caller, Guid complaintId, string? text, CancellationToken ct)
    {
        var note = rules.RequireText(text, "text", "Catatan");
        return ChangeAsync(caller, complaintId, (_, current, now) =>
            (current with { Version = current.Version + 1 }, new HistoryEntry(now, caller.Subject, ComplaintAction.Note, null, null, note), "complaint.note"),
            ct);
    }

    /// <summary>The clock as the database keeps it (microseconds), so an answer and a later read agree.</summary>
    private DateTimeOffset Now() => DapperTypeHandlers.Normalize(time.GetUtcNow());

    private Task<ComplaintView> ChangeAsync(Caller caller, Guid complaintId,
        Func<DbSession, Domain.Complaint, DateTimeOffset, (Domain.Complaint Changed, HistoryEntry Entry, string AuditAction)> change,
        CancellationToken ct)
    {
        if (caller.Scope.ReadOnly)
        {
            throw new VillageNotAllowedException(ComplaintMessages.ReadOnly);
        }

        return sessions.WriteAsync(async session =>
        {
            var now = Now();
            var current = await store.GetAsync(session, complaintId, ct);
            if (current is null)
            {
                throw new NotFoundException(ComplaintMessages.NotFound);
            }

            if (!caller.Scope.CanChange(current.VillageCode))
            {
                throw new VillageNotAllowedException(ComplaintMessages.VillageNotServed);
            }

            var (changed, entry, action) = change(session, current, now);
            await store.UpdateAsync(session, changed, now, ct);
            await store.AppendHistoryAsync(session, changed.Id, entry, null, ct);
            await audit.AppendAsync(session, caller.Subject, action, current, changed, ct);
            return new ComplaintView(changed, await store.HistoryAsync(session, changed.Id, ct), changed.SlaAt(now));
        }, ct: ct);
    }
}
