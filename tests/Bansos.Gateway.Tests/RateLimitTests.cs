using System.Net;
using Bansos.Gateway.Tests.Support;
using Bansos.Protos.Payout.V1;
using Grpc.Core;

namespace Bansos.Gateway.Tests;

/// <summary>A gateway with small limits: the next request over a user's or a terminal's BeginPayout budget is refused.</summary>
public sealed class RateLimitTests(RateLimitTests.SmallLimits stack) : IClassFixture<RateLimitTests.SmallLimits>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_user_over_the_limit_gets_429_problem_details_with_retry_after()
    {
        using var auditor = stack.Https(await stack.UserTokenAsync("aud-limit", Bansos.ServiceDefaults.Auth.BansosRoles.Auditor));
        HttpResponseMessage? last = null;
        for (var i = 0; i < 9; i++)
        {
            last?.Dispose();
            last = await auditor.GetAsync("/api/v1/registry/villages", Ct);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(last.Headers.RetryAfter);
        last.Dispose();
    }

    [Fact]
    public async Task A_terminals_BeginPayout_over_the_limit_is_resource_exhausted()
    {
        var (_, certificate) = await Agent.EnrolAsync(stack, "Kasir batas");
        var terminal = new PayoutTerminalService.PayoutTerminalServiceClient(stack.Grpc(clientCertificate: certificate));
        for (var i = 0; i < 2; i++)
        {
            // The card does not exist: payout answers (NotFound or similar), and the call counts.
            await Assert.ThrowsAnyAsync<RpcException>(() => terminal.BeginPayoutAsync(new BeginPayoutRequest { CardNumber = "6280000000000001" }, cancellationToken: Ct).ResponseAsync);
        }

        var refused = await Assert.ThrowsAsync<RpcException>(() => terminal.BeginPayoutAsync(new BeginPayoutRequest { CardNumber = "6280000000000002" }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        await terminal.PingAsync(new PingRequest(), cancellationToken: Ct); // other calls still go through
    }

    public sealed class SmallLimits : GatewayStack
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [
            new("Bansos:Gateway:RateLimits:PerUserPerMinute", "8"),
            new("Bansos:Gateway:RateLimits:BeginPayoutPerTerminalPerMinute", "2"),
        ];
    }
}
