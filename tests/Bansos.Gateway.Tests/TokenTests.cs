using System.Net;
using System.Security.Cryptography;
using Bansos.Gateway.Tests.Support;
using Bansos.Protos.Payout.V1;
using Bansos.Protos.Registry.V1;
using Bansos.ServiceDefaults.Auth;
using Bansos.Testing;
using Grpc.Core;

namespace Bansos.Gateway.Tests;

/// <summary>Bad tokens are refused by the gateway and by each service behind it (which trust only the gateway's public key).</summary>
public sealed class TokenTests(GatewayStack stack) : IClassFixture<GatewayStack>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> BadTokens => ["forged", "expired", "over-long", "wrongly-signed", "alg-none", "hs256-public-key", "garbage"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task The_gateway_and_each_service_refuse(string kind)
    {
        var token = Make(kind);

        using var rest = await stack.Https(token).GetAsync("/api/v1/registry/villages", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, rest.StatusCode);
        await Unauthenticated(() => new AreaService.AreaServiceClient(stack.Grpc(token)).ListServedVillagesAsync(new ListServedVillagesRequest(), cancellationToken: Ct).ResponseAsync);
        await Unauthenticated(() => new AreaService.AreaServiceClient(stack.Direct(stack.RegistryGrpc, token)).ListServedVillagesAsync(new ListServedVillagesRequest(), cancellationToken: Ct).ResponseAsync);
        await Unauthenticated(() => new AidPeriodService.AidPeriodServiceClient(stack.Direct(stack.PayoutGrpc, token)).ListPeriodsAsync(new ListPeriodsRequest(), cancellationToken: Ct).ResponseAsync);
    }

    [Fact]
    public async Task A_gateway_token_works_at_the_gateway_and_directly_at_each_service()
    {
        var token = await stack.AdminTokenAsync();

        await new AreaService.AreaServiceClient(stack.Grpc(token)).ListServedVillagesAsync(new ListServedVillagesRequest(), cancellationToken: Ct);
        await new AreaService.AreaServiceClient(stack.Direct(stack.RegistryGrpc, token)).ListServedVillagesAsync(new ListServedVillagesRequest(), cancellationToken: Ct);
        await new AidPeriodService.AidPeriodServiceClient(stack.Direct(stack.PayoutGrpc, token)).ListPeriodsAsync(new ListPeriodsRequest(), cancellationToken: Ct);
    }

    private string Make(string kind)
    {
        var gateway = GatewayKey();
        return kind switch
        {
            "forged" => new TestTokenIssuer().Issue("mallory", [BansosRoles.Admin], TimeSpan.FromMinutes(5)),
            "expired" => gateway.With(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1))).Issue("admin", [BansosRoles.Admin], TimeSpan.FromMinutes(10)),
            "over-long" => gateway.Issue("admin", [BansosRoles.Admin], TimeSpan.FromHours(8)),
            "wrongly-signed" => Tamper(gateway.Issue("admin", [BansosRoles.Auditor], TimeSpan.FromMinutes(5))),
            "alg-none" => gateway.IssueUnsigned("admin", BansosRoles.Admin),
            "hs256-public-key" => gateway.IssueHmacWithPublicKey("admin", BansosRoles.Admin),
            _ => "not-a-jwt",
        };
    }

    /// <summary>The signature of one token on another's header and payload (the payload says admin, the signature was for an auditor).</summary>
    private string Tamper(string auditorToken)
    {
        var admin = GatewayKey().Issue("admin", [BansosRoles.Admin], TimeSpan.FromMinutes(5)).Split('.');
        return $"{admin[0]}.{admin[1]}.{auditorToken.Split('.')[2]}";
    }

    private TestTokenIssuer GatewayKey()
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(Path.Combine(stack.DataDir, "token-signing.key")));
        return TestTokenIssuer.FromKey(key);
    }

    private static async Task Unauthenticated(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }
}
