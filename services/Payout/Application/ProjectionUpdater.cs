using Bansos.ServiceDefaults.Codes;
using System.Data.Common;
using Bansos.Contracts;
using Bansos.Payout.Data;
using Bansos.Payout.Domain;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Application;

/// <summary>
/// Applies registry events to the projection, inside the consumer's inbox transaction. After a
/// household event, the household gets any entitlement it has become eligible for in an OPEN
/// period (docs/architecture.md §3: a household that becomes eligible while a period is open gets its
/// entitlement). A household that stops being ACTIVE keeps its entitlement row but cannot draw:
/// every authorization checks the status.
/// </summary>
public sealed class ProjectionUpdater(ProjectionStore projection, PeriodStore periods, TimeProvider time)
{
    public async Task ApplyAsync(DbSession session, HouseholdRegistered e, CancellationToken ct)
    {
        await ProjectionLock.ShareAsync(session, ct);
        var now = time.GetUtcNow();
        await projection.EnsureHouseholdAsync(session, e.HouseholdId, now, ct);
        var versions = (await projection.GetVersionsAsync(session, e.HouseholdId, ct))!;
        if (ProjectionVersions.IsNewer(e.Version, versions.DetailsVersion))
        {
            await projection.SetDetailsAsync(session, e.HouseholdId, e.VillageCode, e.Programmes, e.Version, now, ct);
        }

        if (ProjectionVersions.IsNewer(e.Version, versions.StatusVersion))
        {
            await projection.SetStatusAsync(session, e.HouseholdId, e.Status, e.Version, now, ct);
        }

        await GrantAsync(session, e.HouseholdId, now, ct);
    }

    public async Task ApplyAsync(DbSession session, HouseholdChanged e, CancellationToken ct)
    {
        await ProjectionLock.ShareAsync(session, ct);
        var now = time.GetUtcNow();
        await projection.EnsureHouseholdAsync(session, e.HouseholdId, now, ct);
        var versions = (await projection.GetVersionsAsync(session, e.HouseholdId, ct))!;
        if (ProjectionVersions.IsNewer(e.Version, versions.DetailsVersion))
        {
            await projection.SetDetailsAsync(session, e.HouseholdId, e.VillageCode, e.Programmes, e.Version, now, ct);
            await GrantAsync(session, e.HouseholdId, now, ct);
        }
    }

    public async Task ApplyAsync(DbSession session, HouseholdStatusChanged e, CancellationToken ct)
    {
        await ProjectionLock.ShareAsync(session, ct);
        var now = time.GetUtcNow();
        await projection.EnsureHouseholdAsync(session, e.HouseholdId, now, ct);
        var versions = (await projection.GetVersionsAsync(session, e.HouseholdId, ct))!;
        if (ProjectionVersions.IsNewer(e.Version, versions.StatusVersion))
        {
            await projection.SetStatusAsync(session, e.HouseholdId, e.Status, e.Version, now, ct);
            await GrantAsync(session, e.HouseholdId, now, ct);
        }
    }

    public async Task ApplyAsync(DbSession session, CardIssued e, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await projection.UpsertCardAsync(session, e.CardId, e.CardNumber, e.HouseholdId, CardStatus.Active.ToCode(),
            e.ReplacesCardId, e.Version, now, ct);
        if (e.ReplacesCardId is { } oldCard)
        {
            await projection.MarkReplacedAsync(session, oldCard, e.CardId, now, ct);
        }
    }

    public Task ApplyAsync(DbSession session, CardStatusChanged e, CancellationToken ct) =>
        projection.UpsertCardAsync(session, e.CardId, e.CardNumber, e.HouseholdId, e.Status, null, e.Version, time.GetUtcNow(), ct);

    private async Task GrantAsync(DbSession session, Guid householdId, DateTimeOffset now, CancellationToken ct)
    {
        var household = await projection.GetHouseholdAsync(session, householdId, ct);
        if (household?.VillageCode is not { } village || household.Status != HouseholdStatus.Active)
        {
            return;
        }

        foreach (var period in await periods.OpenPeriodsCoveringAsync(session, village, ct))
        {
            if (Eligibility.IsEligible(household, period))
            {
                await periods.GrantAsync(session, period, householdId, village, now, ct);
            }
        }
    }
}
