using Bansos.Reliability.Tests.Support;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;

namespace Bansos.Reliability.Tests;

/// <summary>
/// Issue 11 point 9: the registry alone registers the pilot's households and cards and publishes
/// every event; the payout service then starts for the first time ever (its queues never existed)
/// and still receives all of them, because the registry declared payout's queues before its first
/// publish (docs/decisions.md D42).
/// </summary>
public sealed class TopologyTests
{
    [Fact]
    public async Task Payout_started_for_the_first_time_after_the_registry_published_receives_every_event()
    {
        await RequiresServer.RabbitMqAsync();
        await using var vhost = await SharedBroker.Ctl.CreateVirtualHostAsync("bansos-topology");
        await using var pilot = await PilotSystem.CreateAsync(DbDialect.Sqlite, vhost.Uri(SharedBroker.Port));

        await pilot.StartRegistryAsync();
        await pilot.WaitUntilAsync(async () =>
                await PilotSystem.ScalarAsync(pilot.RegistryDb, "SELECT COUNT(*) FROM aid_cards") == PilotSystem.PilotHouseholds &&
                await PilotSystem.ScalarAsync(pilot.RegistryDb, "SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NULL") == 0,
            TimeSpan.FromSeconds(90), "the registry seeded the pilot and the broker confirmed every event");
        var published = await PilotSystem.ScalarAsync(pilot.RegistryDb, "SELECT COUNT(*) FROM outbox_messages");
        Assert.True(published >= 2 * PilotSystem.PilotHouseholds, $"{published} events");

        // The registry is stopped too: payout gets nothing but what waited in its queues.
        pilot.Registry!.Kill();
        await pilot.StartPayoutAsync();
        await pilot.WaitUntilAsync(pilot.PayoutHasPilotAsync, TimeSpan.FromSeconds(90),
            "payout's projection holds the 707 pilot households' cards and entitlements");

        Assert.Equal(PilotSystem.PilotHouseholds, await PilotSystem.ScalarAsync(pilot.PayoutDb, "SELECT COUNT(*) FROM households"));
        Assert.Equal(PilotSystem.PilotHouseholds, await PilotSystem.ScalarAsync(pilot.PayoutDb, "SELECT COUNT(*) FROM cards"));
        Assert.DoesNotContain(await vhost.QueuesAsync(), q => q.Name.EndsWith("_error", StringComparison.Ordinal) && q.Ready > 0);
    }
}
