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
/// every authorisation checks the status.
/// </summary>
public sealed class ProjectionUpdater(IDatabase database, ProjectionStore projection, PeriodStore periods, TimeProvider time)
{
    public async Task ApplyAsync(DbConnection connection, DbTransaction transaction, HouseholdRegistered e, CancellationToken ct)
    {
        await ProjectionLock.ShareAsync(connection, transaction, database.Dialect, ct);
        var now = time.GetUtcNow();
        await projection.EnsureHouseholdAsync(connection, transaction, e.HouseholdId, now, ct);
        var versions = (await projection.GetVersionsAsync(connection, transaction, e.HouseholdId, ct))!;
        if (ProjectionVersions.IsNewer(e.Version, versions.DetailsVersion))
        {
            await projection.SetDetailsAsync(connection, transaction, e.HouseholdId, e.VillageCode, e.Programmes, e.Version, now, ct);
        }

        if (ProjectionVersions.IsNewer(e.Version, versions.StatusVersion))
        {
            await projection.SetStatusAsync(connection, transaction, e.HouseholdId, e.Status, e.Version, now, ct);
        }

        await GrantAsync(connection, transaction, e.HouseholdId, now, ct);
    }

    public async Task ApplyAsync(DbConnection connection, DbTransaction transaction, HouseholdChanged e, CancellationToken ct)
    {
        await ProjectionLock.ShareAsync(connection, transaction, database.Dialect, ct);
        var now = time.GetUtcNow();
        await projection.EnsureHouseholdAsync(connection, transaction, e.HouseholdId, now, ct);
        var versions = (await projection.GetVersionsAsync(connection, transaction, e.HouseholdId, ct))!;
        if (ProjectionVersions.IsNewer(e.Version, versions.DetailsVersion))
        {
            await projection.SetDetailsAsync(connection, transaction, e.HouseholdId, e.VillageCode, e.Programmes, e.Version, now, ct);
            await GrantAsync(connection, transaction, e.HouseholdId, now, ct);
        }
    }

    public async Task ApplyAsync(DbConnection connection, DbTransaction transaction, HouseholdStatusChanged e, CancellationToken ct)
    {
        await ProjectionLock.ShareAsync(connection, transaction, database.Dialect, ct);
        var now = time.GetUtcNow();
        await projection.EnsureHouseholdAsync(connection, transaction, e.HouseholdId, now, ct);
        var versions = (await projection.GetVersionsAsync(connection, transaction, e.HouseholdId, ct))!;
        if (ProjectionVersions.IsNewer(e.Version, versions.StatusVersion))
        {
            await projection.SetStatusAsync(connection, transaction, e.HouseholdId, e.Status, e.Version, now, ct);
            await GrantAsync(connection, transaction, e.HouseholdId, now, ct);
        }
    }

    public async Task ApplyAsync(DbConnection connection, DbTransaction transaction, CardIssued e, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await projection.UpsertCardAsync(connection, transaction, e.CardId, e.CardNumber, e.HouseholdId, CardStatuses.Active,
            e.ReplacesCardId, e.Version, now, ct);
        if (e.ReplacesCardId is { } oldCard)
        {
            await projection.MarkReplacedAsync(connection, transaction, oldCard, e.CardId, now, ct);
        }
    }

    public Task ApplyAsync(DbConnection connection, DbTransaction transaction, CardStatusChanged e, CancellationToken ct) =>
        projection.UpsertCardAsync(connection, transaction, e.CardId, e.CardNumber, e.HouseholdId, e.Status, null, e.Version, time.GetUtcNow(), ct);

    private async Task GrantAsync(DbConnection connection, DbTransaction transaction, Guid householdId, DateTimeOffset now, CancellationToken ct)
    {
        var household = await projection.GetHouseholdAsync(connection, transaction, householdId, ct);
        if (household?.VillageCode is not { } village || household.Status != HouseholdStatuses.Active)
        {
            return;
        }

        foreach (var period in await periods.OpenPeriodsCoveringAsync(connection, transaction, village, ct))
        {
            if (Eligibility.IsEligible(household, period))
            {
                await periods.GrantAsync(connection, transaction, period, householdId, village, now, ct);
            }
        }
    }
}
