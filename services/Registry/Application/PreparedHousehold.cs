using Bansos.Registry.Data;
using Bansos.Registry.Domain;
using Bansos.Registry.Domain.Households;
using Bansos.Registry.Domain.Import;

namespace Bansos.Registry.Application;

/// <summary>
/// An imported household with what can be worked out without the database: its fingerprint and
/// its registration as a new household (version 1, history, event). The import's reader makes these
/// on its own core; the writer uses the registration when the KK turns out to be new and drops it
/// otherwise.
/// </summary>
public sealed record PreparedHousehold(HouseholdDraft Draft, string Fingerprint, CommandResult<Household> Registration)
{
    public static PreparedHousehold Of(HouseholdDraft draft, string actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var registration = Household.Register(Guid.CreateVersion7(at), draft.Kk, draft.Details, actor, at);
        // Register stores the normalised details; an unchanged re-import compares against the same form.
        var fingerprint = HouseholdFingerprint.Of(registration.Value?.Details ?? draft.Details.Normalized());
        return new PreparedHousehold(draft, fingerprint, registration);
    }
}
