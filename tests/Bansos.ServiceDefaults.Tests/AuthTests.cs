using System.Net;
using System.Net.Http.Json;
using Bansos.ServiceDefaults.Auth;
using Bansos.ServiceDefaults.Tests.Support;
using Bansos.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bansos.ServiceDefaults.Tests;

public sealed class AuthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_valid_token_is_accepted_and_the_actor_comes_from_it()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient(TestTokens.Operator("siti"));

        var me = await client.GetFromJsonAsync<Me>("/me", Ct);

        Assert.NotNull(me);
        Assert.Equal("siti", me.Subject);
        Assert.Equal("siti", me.DisplayName);
        Assert.Equal([BansosRoles.Operator], me.Roles);
        Assert.Null(me.TerminalId);
    }

    [Fact]
    public async Task A_terminal_token_carries_the_terminal_id()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient(TestTokens.Terminal(257));

        var me = await client.GetFromJsonAsync<Me>("/me", Ct);

        Assert.Equal(257, me!.TerminalId);
        Assert.Equal([BansosRoles.Terminal], me.Roles);
    }

    [Fact]
    public async Task No_token_is_401_everywhere_but_the_probes()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/admin", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401()
    {
        await using var app = await TestApp.StartAsync();
        var forger = new TestTokenIssuer();
        using var client = app.CreateClient(forger.Issue("mallory", [BansosRoles.Admin], TimeSpan.FromMinutes(5)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_unsigned_token_is_401()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient(TestTokens.Issuer.IssueUnsigned("mallory", BansosRoles.Admin));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_HS256_and_the_public_key_is_401()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient(TestTokens.Issuer.IssueHmacWithPublicKey("mallory", BansosRoles.Admin));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Tokens_living_longer_than_their_kind_allows_are_401()
    {
        await using var app = await TestApp.StartAsync();
        using var person = app.CreateClient(TestTokens.Issuer.Issue("siti", [BansosRoles.Admin], TimeSpan.FromMinutes(16)));
        using var terminal = app.CreateClient(TestTokens.Issuer.Issue("terminal-1", [BansosRoles.Terminal], TimeSpan.FromMinutes(6),
            new Dictionary<string, object> { [BansosClaims.TerminalId] = "1" }));
        using var within = app.CreateClient(TestTokens.Issuer.Issue("siti", [BansosRoles.Admin], TimeSpan.FromMinutes(15)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await person.GetAsync("/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await terminal.GetAsync("/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await within.GetAsync("/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        await using var app = await TestApp.StartAsync();
        var yesterday = TestTokens.Issuer.With(new FixedTimeProvider(DateTimeOffset.UtcNow.AddDays(-1)));
        using var client = app.CreateClient(yesterday.Issue("siti", [BansosRoles.Admin], TimeSpan.FromMinutes(10)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_audience_or_issuer_is_401()
    {
        await using var app = await TestApp.StartAsync();
        using var audience = app.CreateClient(TestTokens.Issuer.With(audience: "someone-else").Issue("siti", [BansosRoles.Admin], TimeSpan.FromMinutes(5)));
        using var issuer = app.CreateClient(TestTokens.Issuer.With(issuer: "someone-else").Issue("siti", [BansosRoles.Admin], TimeSpan.FromMinutes(5)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await audience.GetAsync("/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await issuer.GetAsync("/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_missing_role_is_403()
    {
        await using var app = await TestApp.StartAsync();
        using var operatorClient = app.CreateClient(TestTokens.Operator());
        using var adminClient = app.CreateClient(TestTokens.Admin());

        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/admin", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await adminClient.GetAsync("/admin", Ct)).StatusCode);
    }

    [Fact]
    public async Task Keys_come_from_a_JWKS_file_and_only_its_keys_are_trusted()
    {
        var gateway = new TestTokenIssuer(issuer: "test-gw");
        var file = Path.Combine(Path.GetTempPath(), $"bansos-jwks-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, gateway.Jwks, Ct);
        try
        {
            await using var app = await TestApp.StartAsync([new("Bansos:Auth:Jwks", ""), new("Bansos:Auth:JwksFile", file), new("Bansos:Auth:Issuer", "test-gw")]);
            using var good = app.CreateClient(gateway.Issue("siti", [BansosRoles.Operator], TimeSpan.FromMinutes(5)));
            using var other = app.CreateClient(TestTokens.Operator());

            Assert.Equal(HttpStatusCode.OK, (await good.GetAsync("/me", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/me", Ct)).StatusCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Without_a_key_source_the_host_refuses_to_start_whatever_its_environment()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync([new("Bansos:Auth:Jwks", "")]));

        Assert.Contains("Bansos:Auth:JwksUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_old_shared_signing_key_is_refused_with_a_pointer_to_the_public_keys()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync([new("Bansos:Auth:SigningKey", Convert.ToBase64String(new byte[32]))]));

        Assert.Contains("no longer used", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_checked_once_is_still_refused_once_it_expires_on_the_hosts_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(configure: builder => builder.Services.AddSingleton<TimeProvider>(clock));
        using var client = app.CreateClient(TestTokens.Issuer.With(time: clock).Issue("siti", [BansosRoles.Admin], TimeSpan.FromMinutes(10)));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", Ct)).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_token_checked_once_is_refused_once_its_key_is_withdrawn_from_the_published_keys()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var gateway = new TestTokenIssuer(issuer: "test-gw").With(time: clock);
        var file = Path.Combine(Path.GetTempPath(), $"bansos-jwks-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, gateway.Jwks, Ct);
        try
        {
            await using var app = await TestApp.StartAsync(
                [new("Bansos:Auth:Jwks", ""), new("Bansos:Auth:JwksFile", file), new("Bansos:Auth:Issuer", "test-gw")],
                builder => builder.Services.AddSingleton<TimeProvider>(clock));
            using var client = app.CreateClient(gateway.Issue("siti", [BansosRoles.Operator], TimeSpan.FromMinutes(15)));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", Ct)).StatusCode);

            // The gateway rotates to a new key and withdraws the old one; the service re-reads its keys
            // after the refresh interval (5 minutes), while the token itself would live 15.
            await File.WriteAllTextAsync(file, new TestTokenIssuer(issuer: "test-gw").Jwks, Ct);
            clock.Advance(TimeSpan.FromMinutes(6));

            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", Ct)).StatusCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Requests_with_the_same_token_get_identities_of_their_own()
    {
        var cache = new VerifiedTokenCache { MapInboundClaims = false };
        var parameters = Parameters(TestTokens.Issuer);
        var token = TestTokens.Issuer.Issue("siti", [BansosRoles.Operator], TimeSpan.FromMinutes(5));

        var first = await cache.ValidateTokenAsync(token, parameters);
        first.ClaimsIdentity.AddClaim(new System.Security.Claims.Claim(BansosClaims.Role, BansosRoles.Admin));
        var second = await cache.ValidateTokenAsync(token, parameters);

        Assert.True(first.IsValid && second.IsValid);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.DoesNotContain(second.ClaimsIdentity.FindAll(BansosClaims.Role), c => c.Value == BansosRoles.Admin);
    }

    [Fact]
    public async Task A_refused_token_is_checked_again_every_time()
    {
        var cache = new VerifiedTokenCache { MapInboundClaims = false };
        var forged = new TestTokenIssuer().Issue("mallory", [BansosRoles.Admin], TimeSpan.FromMinutes(5));

        Assert.False((await cache.ValidateTokenAsync(forged, Parameters(TestTokens.Issuer))).IsValid);
        Assert.False((await cache.ValidateTokenAsync(forged, Parameters(TestTokens.Issuer))).IsValid);
    }

    private static Microsoft.IdentityModel.Tokens.TokenValidationParameters Parameters(TestTokenIssuer issuer) => new()
    {
        ValidIssuer = issuer.Issuer,
        ValidAudience = issuer.Audience,
        IssuerSigningKeys = new Microsoft.IdentityModel.Tokens.JsonWebKeySet(issuer.Jwks).GetSigningKeys(),
        ValidAlgorithms = AuthExtensions.Algorithms,
    };

    private sealed record Me(string Subject, string DisplayName, string[] Roles, long? TerminalId);
}
