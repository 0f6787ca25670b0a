using System.Net;
using System.Net.Sockets;
using Bansos.ServiceDefaults.Hosting;
using Bansos.ServiceDefaults.Tests.Support;
using Bansos.Testing;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bansos.ServiceDefaults.Tests;

public sealed class HostingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readyz_reports_a_migrated_database()
    {
        await using var db = TestDatabases.CreateSqlite();
        await using var app = await TestApp.StartAsync(db.Settings("probe"), builder =>
            builder.AddBansosStorage("probe", typeof(TestMigrations).Assembly));
        using var client = app.CreateClient();

        var ready = await client.GetAsync("/readyz", Ct);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Settings_added_after_registration_still_choose_the_database()
    {
        await using var db = TestDatabases.CreateSqlite();
        // As WebApplicationFactory does: the test's configuration arrives after Program registered everything.
        await using var app = await TestApp.StartAsync(configure: builder =>
        {
            builder.AddBansosStorage("late", typeof(TestMigrations).Assembly);
            builder.Configuration.AddInMemoryCollection(db.Settings("late"));
        });

        var registration = app.App.Services.GetRequiredService<Storage.StorageRegistration>();
        Assert.Equal(db.ConnectionString, registration.ConnectionString);
        Assert.Equal(1, await db.Database.WriteAsync((connection, transaction) =>
            Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM counters", transaction: transaction), ct: Ct));
    }

    [Fact]
    public async Task Readyz_fails_when_the_database_is_unreachable()
    {
        var missing = Path.Combine(Path.GetTempPath(), "bansos-tests", Guid.NewGuid().ToString("N"), "no", "such");
        await using var app = await TestApp.StartAsync([new("Bansos:Storage:Provider", "postgres"), new("ConnectionStrings:probe", "Host=127.0.0.1;Port=1;Timeout=1;Username=x;Password=x")],
            builder => builder.Services.AddSingleton<Storage.IDatabase>(new Storage.PostgresDatabase("Host=127.0.0.1;Port=1;Timeout=1;Username=x;Password=x")));
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Ct)).StatusCode);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task Kestrel_serves_grpc_over_h2c_and_rest_over_http1_on_the_configured_ports()
    {
        var (grpcPort, httpPort) = (FreePorts.Next(), FreePorts.Next());
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection([new("Bansos:Ports:Grpc", grpcPort.ToString()), new("Bansos:Ports:Http", httpPort.ToString())]);
        builder.AddServiceDefaults("kestrel", new ServicePorts(1, 2));
        await using var app = builder.Build();
        app.MapServiceDefaults();
        await app.StartAsync(Ct);
        try
        {
            using var http = new HttpClient();
            Assert.Equal("Healthy", await http.GetStringAsync($"http://127.0.0.1:{httpPort}/healthz", Ct));

            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
            var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), cancellationToken: Ct);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public void Known_services_have_distinct_default_ports()
    {
        var ports = new[] { "registry", "payout", "complaint" }.Select(ServicePorts.DefaultFor).ToList();
        Assert.Equal(6, ports.SelectMany(p => new[] { p.Grpc, p.Http }).Distinct().Count());
    }

}
