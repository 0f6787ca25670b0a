using Bansos.Payout.Tests.Support;
using Bansos.Protos.Payout.V1;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Tests.Functional;

/// <summary>Its own host: the clock moves.</summary>
public sealed class ChallengeExpiryTests
{
    [Fact]
    public async Task A_challenge_expires_after_its_ttl()
    {
        var time = new ShiftableTime();
        await using var host = await PayoutHost.StartAsync(DbDialect.Sqlite, time: time);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var begin = await s.BeginAsync(card);
        Assert.True(begin.ChallengeExpiresAt.ToDateTimeOffset() - time.GetUtcNow() <= TimeSpan.FromMinutes(2));

        time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        await AuthorizationTests.AssertDeclinedAsync(s, await s.Terminal.AuthorizePayoutAsync(s.Request(card, begin, 10_000)),
            DeclineReason.ChallengeExpired);

        // A fresh challenge works at the new time.
        Assert.Equal(PayoutResult.Approved, (await s.PayAsync(card, 10_000)).Result);
    }
}
