using Bansos.Card;
using Bansos.Contracts;
using Bansos.Payout.Tests.Support;
using Bansos.Protos.Payout.V1;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Grpc.Core;

namespace Bansos.Payout.Tests.Functional;

/// <summary>
/// What BeginPayout tells a terminal that should not pay: a disabled or unknown terminal learns
/// nothing, a refused card only its own status and the reason; and one terminal cannot walk the
/// card numbers (they are sequential).
/// </summary>
public sealed class BeginPayoutDisclosureTests(Hosts hosts)
{
    [Theory]
    [EveryDialect]
    public async Task A_disabled_terminal_is_PermissionDenied_with_no_data(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        await host.Points().SetTerminalStatusAsync(new SetTerminalStatusRequest { TerminalId = s.TerminalId, Status = TerminalStatus.Disabled, Reason = "test" });

        var error = await Assert.ThrowsAsync<RpcException>(() => s.BeginAsync(card));
        var unknown = await Assert.ThrowsAsync<RpcException>(() => s.BeginAsync(card, terminalId: 987_654_321));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, unknown.StatusCode);
        foreach (var e in new[] { error, unknown })
        {
            Assert.DoesNotContain(card.HouseholdId.ToString(), e.Status.Detail, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(s.Village, e.Status.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain(e.Trailers, t => t.Key.EndsWith("-bin", StringComparison.Ordinal));
        }
    }

    [Theory]
    [EveryDialect]
    public async Task A_refused_card_gets_its_status_and_the_reason_and_nothing_about_the_household(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var lost = await s.AddHouseholdAsync();
        await host.ApplyAsync(new CardStatusChanged(lost.CardId, lost.Number.Digits, lost.HouseholdId, CardStatuses.Lost, "hilang", 2, DateTimeOffset.UtcNow));
        var suspended = await s.AddHouseholdAsync(status: HouseholdStatuses.Suspended);
        var spent = await s.AddHouseholdAsync();
        await s.PayAsync(spent, 200_000);

        var answers = new[]
        {
            (await s.BeginAsync(lost), CardStatuses.Lost, DeclineReason.CardLost),
            (await s.BeginAsync(suspended), CardStatuses.Active, DeclineReason.HouseholdNotActive),
            (await s.BeginAsync(spent), CardStatuses.Active, DeclineReason.NoOpenEntitlement),
        };

        foreach (var (begin, status, reason) in answers)
        {
            Assert.False(begin.CanPay);
            Assert.Equal((status, reason), (begin.CardStatus, begin.Reason));
            Assert.False(string.IsNullOrWhiteSpace(begin.Message));
            Assert.Equal((string.Empty, string.Empty, string.Empty, 0), (begin.HouseholdId, begin.HouseholdStatus, begin.VillageCode, begin.Entitlements.Count));
            Assert.Empty(begin.ChallengeId);
        }

        // A card that can pay still gets what the terminal needs.
        var good = await s.BeginAsync(await s.AddHouseholdAsync());
        Assert.True(good.CanPay);
        Assert.Equal(s.Village, good.VillageCode);
        Assert.Single(good.Entitlements);
    }

    [Fact]
    public async Task A_terminal_walking_1000_consecutive_card_numbers_is_throttled_and_others_are_not()
    {
        // Its own host with the default limit and a clock that stands still: what is answered
        // depends on the limit only, not on how fast this machine is.
        var time = new FrozenTime();
        await using var host = await PayoutHost.StartAsync(DbDialect.Sqlite, time: time);
        var s = await Scenario.CreateAsync(host);
        var neighbour = await s.AddTerminalAsync();
        var known = await s.AddHouseholdAsync();
        var burst = new Bansos.Payout.Application.BeginPayoutLimitOptions().Burst;

        var codes = new List<StatusCode>();
        var start = 990017_000000000L;
        for (var i = 0; i < 1000; i++)
        {
            var body = (start + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var number = body + Luhn.ComputeCheckDigit(body);
            try
            {
                await s.Terminal.BeginPayoutAsync(new BeginPayoutRequest { CardNumber = number });
                codes.Add(StatusCode.OK);
            }
            catch (RpcException e)
            {
                codes.Add(e.StatusCode);
            }
        }

        Assert.All(codes.Take(burst), c => Assert.Equal(StatusCode.NotFound, c));
        Assert.All(codes.Skip(burst), c => Assert.Equal(StatusCode.ResourceExhausted, c));
        var throttled = await Assert.ThrowsAsync<RpcException>(() => s.BeginAsync(known));
        Assert.Contains("coba lagi", throttled.Status.Detail, StringComparison.Ordinal);

        // Another terminal of the same point is not affected; the walker gets tokens back with time.
        Assert.True((await s.BeginAsync(known, neighbour)).CanPay);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True((await s.BeginAsync(known)).CanPay);
    }
}
