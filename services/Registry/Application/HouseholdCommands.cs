using Bansos.ServiceDefaults.Codes;
using Bansos.Contracts;
using System.Text.Json;
using Bansos.Registry.Data;
using Bansos.Registry.Domain;
using Bansos.Registry.Domain.Households;
using Bansos.ServiceDefaults.Audit;
using Bansos.ServiceDefaults.Hosting;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Registry.Application;

/// <summary>
/// Changes to one household made by a person: load, let the domain decide, store, publish, audit — one
/// transaction whose write applies only to the version it read (optimistic concurrency, docs/decisions.md
/// D44), so concurrent changes — another command, an import — never both apply to the same version; the
/// loser reads again and decides again. READ COMMITTED suffices for that, and unlike SERIALIZABLE it
/// does not fail commands that merely share the audit chain's head with an import.
/// </summary>
public sealed class HouseholdCommands(
    IDbSessions sessions, HouseholdStore households, IAuditTrail audit, TimeProvider clock)
{
    public Task<Guid> ChangeStatusAsync(
        Guid householdId, HouseholdStatus status, RemovalReason? reason, string? note, string actor, CancellationToken ct) =>
        sessions.WriteAsync(async session =>
        {
            var household = await households.LoadAsync(session, householdId, ct)
                ?? throw new NotFoundException("Keluarga tidak ditemukan (household not found).");
            var readVersion = household.Version;
            var before = Snapshot(household);
            var at = clock.GetUtcNow();
            var result = status switch
            {
                HouseholdStatus.Active when household.Status == HouseholdStatus.Removed =>
                    household.Reinstate(actor, at, note ?? ""),
                HouseholdStatus.Active => household.Reactivate(actor, at, note),
                HouseholdStatus.Suspended => household.Suspend(actor, at, note),
                _ when reason is null => CommandResult.Invalid(
                    [new ValidationError("removal_reason", "REMOVAL_REASON_REQUIRED", "Alasan penghapusan wajib diisi (removal reason is required).")]),
                _ => household.Remove(reason.Value, actor, at, note),
            };
            CommandOutcome.ThrowIfFailed(result);
            if (!result.Changed)
            {
                return household.Id;
            }

            if (!await households.UpdateStatusAsync(session, household, readVersion, note, at, ct))
            {
                // An import changed it between our read and our write: the session runs again (TransientRetry) and reads it again.
                throw new ConcurrencyConflictException("household", household.Id.ToString());
            }

            await households.AppendHistoryAsync(session, result.History.Select(h => (household.Id, h)), ct);
            foreach (var @event in result.Events)
            {
                session.Outbox.Enqueue(@event);
            }

            await audit.AppendAsync(session.Connection, session.Transaction, new AuditEntry(
                actor, "CHANGE_HOUSEHOLD_STATUS", "household", household.Id.ToString(), before, Snapshot(household)), ct);
            return household.Id;
        }, ct: ct);

    /// <summary>What the audit trail keeps of a household's status (no personal data needed to follow it).</summary>
    private static string Snapshot(Household household) => JsonSerializer.Serialize(new
    {
        status = household.Status.ToCode(),
        removalReason = household.RemovalReason?.ToCode(),
        version = household.Version,
    });
}
