using Bansos.ServiceDefaults.Auth;
using Bansos.ServiceDefaults.Hosting;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bansos.ServiceDefaults.Tests.Support;

/// <summary>A service host as the services build it (AddServiceDefaults, AddBansosAuth, MapServiceDefaults) on a TestServer.</summary>
public sealed class TestApp : IAsyncDisposable
{
    private TestApp(WebApplication app)
    {
        App = app;
        Server = app.GetTestServer();
    }

    public WebApplication App { get; }

    public TestServer Server { get; }

    public static async Task<TestApp> StartAsync(
        IEnumerable<KeyValuePair<string, string?>>? settings = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(Bansos.Testing.TestTokens.Settings());
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.AddServiceDefaults("probe");
        builder.AddBansosAuth();
        builder.Services.AddSingleton<IGrpcExceptionMapper, NotFoundMapper>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapGrpcService<ProbeGrpcService>();
        app.MapGet("/me", (ICurrentActor actor) => Results.Ok(new { actor.Subject, actor.DisplayName, actor.Roles, actor.TerminalId }));
        app.MapGet("/admin", () => "ok").RequireAuthorization(new AuthorizeAttribute { Roles = BansosRoles.Admin });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new TestApp(app);
    }

    public HttpClient CreateClient(string? token = null)
    {
        var client = Server.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        return client;
    }

    public GrpcChannel CreateChannel() =>
        GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }
}
