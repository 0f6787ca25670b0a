using System.Net;
using System.Net.Http.Json;
using Bansos.ServiceDefaults.Auth;
using Bansos.ServiceDefaults.Tests.Support;
using Bansos.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

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
        var forger = new JwtTokenIssuer(new byte[32], BansosAuthOptions.DefaultIssuer, BansosAuthOptions.DefaultAudience);
        using var client = app.CreateClient(forger.Issue("mallory", [BansosRoles.Admin], TimeSpan.FromMinutes(5)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        await using var app = await TestApp.StartAsync();
        var yesterday = JwtTokenIssuer.ForDevelopment(new FixedTimeProvider(DateTimeOffset.UtcNow.AddDays(-1)));
        using var client = app.CreateClient(yesterday.Issue("siti", [BansosRoles.Admin], TimeSpan.FromMinutes(10)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_401()
    {
        await using var app = await TestApp.StartAsync();
        var key = BansosAuthOptions.DecodeKey(BansosAuthOptions.DevelopmentSigningKey);
        var other = new JwtTokenIssuer(key, BansosAuthOptions.DefaultIssuer, "someone-else");
        using var client = app.CreateClient(other.Issue("siti", [BansosRoles.Admin], TimeSpan.FromMinutes(5)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", Ct)).StatusCode);
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
    public async Task A_configured_key_replaces_the_development_key()
    {
        var key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        await using var app = await TestApp.StartAsync([new("Bansos:Auth:SigningKey", key), new("Bansos:Auth:Issuer", "test-gw")]);
        var issuer = new JwtTokenIssuer(Convert.FromBase64String(key), "test-gw", BansosAuthOptions.DefaultAudience);
        using var good = app.CreateClient(issuer.Issue("siti", [BansosRoles.Operator], TimeSpan.FromMinutes(5)));
        using var dev = app.CreateClient(TestTokens.Operator());

        Assert.Equal(HttpStatusCode.OK, (await good.GetAsync("/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await dev.GetAsync("/me", Ct)).StatusCode);
    }

    [Fact]
    public void Production_without_a_signing_key_refuses_to_start()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddBansosAuth());
        Assert.Contains("Bansos:Auth:SigningKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_signing_key_is_refused()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection([new("Bansos:Auth:SigningKey", Convert.ToBase64String(new byte[16]))]);

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddBansosAuth());
        Assert.Contains("at least 32", error.Message, StringComparison.Ordinal);
    }

    private sealed record Me(string Subject, string DisplayName, string[] Roles, long? TerminalId);
}
