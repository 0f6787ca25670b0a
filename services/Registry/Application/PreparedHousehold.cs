using Bansos.Registry.Data;
using Bansos.Registry.Domain;
using Bansos.Registry.Domain.Households;
using Bansos.Registry.Domain.Import;
using Bansos.ServiceDefaults.Messaging;

namespace Bansos.Registry.Application;

/// <summary>
/// An imported household with what can be worked out without the database: its fingerprint and
/// its registration as a new household (version 1, history, event), down to the rows and the
/// serialised event. The import's reader makes these on its own core; the writer uses them when
/// the KK turns out to be new and drops them otherwise.
/// </summary>
/// <param name="Registration">Register's result: its errors when the household cannot be registered.</param>
/// <param name="Rows">The rows to insert when registered, else null.</param>
/// <param name="Events">The registration's events, serialised for the outbox.</param>
public sealed record PreparedHousehold(
    HouseholdDraft Draft,
    string Fingerprint,
    CommandResult<Household> Registration,
    NewHouseholdRows? Rows,
    IReadOnlyList<OutboxMessage> Events)
{
    public static PreparedHousehold Of(HouseholdDraft draft, string actor, DateTimeOffset at, IOutbox outbox)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(outbox);
        var registration = Household.Register(Guid.CreateVersion7(at), draft.Kk, draft.Details, actor, at);
        // Register stores the normalised details; an unchanged re-import compares against the same form.
        var fingerprint = HouseholdFingerprint.Of(registration.Value?.Details ?? draft.Details.Normalized());
        if (!registration.Succeeded || registration.Value is not { } household)
        {
            return new PreparedHousehold(draft, fingerprint, registration, null, []);
        }

        return new PreparedHousehold(
            draft, fingerprint, registration,
            HouseholdStore.RowsOf(household, fingerprint, registration.History, at),
            [.. registration.Events.Select(e => outbox.Prepare(e, at))]);
    }
}
