using System.Net;
using Bansos.Gateway.Tests.Support;
using Bansos.ServiceDefaults.Auth;
using Bansos.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Bansos.Gateway.Tests;

/// <summary>A gateway that also trusts an external OIDC issuer (a stand-in serving discovery and keys over loopback).</summary>
public sealed class ExternalIssuerTests(ExternalIssuerTests.WithExternalIssuer stack) : IClassFixture<ExternalIssuerTests.WithExternalIssuer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_external_admin_reaches_the_services_which_see_a_gateway_token()
    {
        // The registry trusts only the gateway's key: a 200 means the gateway sent its own token on.
        var token = stack.External.Issue("keycloak-user-1", [BansosRoles.Admin], TimeSpan.FromMinutes(5),
            new Dictionary<string, object> { ["preferred_username"] = "siti" });

        using var response = await stack.Https(token).GetAsync("/api/v1/registry/villages", Ct);
        using var direct = new HttpClient { BaseAddress = stack.RegistryHttp };
        direct.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var bypass = await direct.GetAsync("/api/v1/registry/villages", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bypass.StatusCode);
    }

    [Fact]
    public async Task External_tokens_without_a_Bansos_role_or_living_too_long_are_refused()
    {
        var noRole = stack.External.Issue("keycloak-user-2", ["offline_access"], TimeSpan.FromMinutes(5));
        var tooLong = stack.External.Issue("keycloak-user-3", [BansosRoles.Admin], TimeSpan.FromHours(1));
        var forged = new TestTokenIssuer(issuer: stack.External.Issuer).Issue("mallory", [BansosRoles.Admin], TimeSpan.FromMinutes(5));

        foreach (var token in new[] { noRole, tooLong, forged })
        {
            using var response = await stack.Https(token).GetAsync("/api/v1/registry/villages", Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    public sealed class WithExternalIssuer : GatewayStack
    {
        private readonly int port = FreePorts.Next();
        private WebApplication? oidc;

        public TestTokenIssuer External => field ??= new TestTokenIssuer(issuer: $"http://127.0.0.1:{port}/realms/bansos");

        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [
            new("Bansos:Gateway:External:Authority", External.Issuer),
            new("Bansos:Gateway:External:RequireHttpsMetadata", "false"),
        ];

        public override async ValueTask InitializeAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            builder.Configuration.AddInMemoryCollection([new("Logging:LogLevel:Default", "Warning")]);
            oidc = builder.Build();
            oidc.MapGet("/realms/bansos/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, string>
            {
                ["issuer"] = External.Issuer,
                ["jwks_uri"] = External.Issuer + "/protocol/openid-connect/certs",
            }));
            oidc.MapGet("/realms/bansos/protocol/openid-connect/certs", () => Results.Text(External.Jwks, "application/json"));
            await oidc.StartAsync(Ct);
            await base.InitializeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (oidc is not null)
            {
                await oidc.DisposeAsync();
            }
        }
    }
}
