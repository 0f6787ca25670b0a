using Bansos.Complaint.Grpc;
using Bansos.Protos.Complaint.V1;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bansos.Agent.Tests.Support;

/// <summary>
/// The real complaint service (its Program, SQLite) on a loopback h2c port, as the agent meets it
/// through the gateway's complaint route; read back with an admin token.
/// </summary>
public sealed class LoopbackComplaint : IAsyncDisposable
{
    private readonly Factory factory;
    private readonly TestDatabase database;
    private GrpcChannel? admin;

    private LoopbackComplaint(Factory factory, TestDatabase database)
    {
        this.factory = factory;
        this.database = database;
    }

    public Uri Address { get; private set; } = null!;

    /// <summary>What the gateway mints for a terminal at a posko of Giri Kencana (the complaint service needs no terminal row).</summary>
    public static string TerminalToken => TestTokens.Terminal(4242, "17.03.12.2003");

    public ComplaintService.ComplaintServiceClient Admin =>
        new(admin ??= GrpcChannel.ForAddress(Address, new GrpcChannelOptions { HttpHandler = new BearerTokenHandler(TestTokens.Admin(), new SocketsHttpHandler()) }));

    public static async Task<LoopbackComplaint> StartAsync()
    {
        var database = await TestDatabases.CreateAsync(DbDialect.Sqlite);
        List<KeyValuePair<string, string?>> settings =
        [
            .. database.Settings(Bansos.Complaint.ComplaintHosting.ServiceName),
            .. TestMessaging.Settings(),
            .. TestTokens.Settings(),
            new("Bansos:RabbitMq:WaitUntilStarted", "false"),
            new("Bansos:Outbox:RelayEnabled", "false"),
            new("Bansos:Complaint:EndpointPrefix", TestMessaging.UniqueServiceName("agent-complaint-test")),
            new("Kestrel:Endpoints:Grpc:Url", "http://127.0.0.1:0"),
            new("Kestrel:Endpoints:Grpc:Protocols", "Http2"),
            new("Logging:LogLevel:Default", "Warning"),
        ];
        var factory = new Factory(settings);
        var host = new LoopbackComplaint(factory, database);
        try
        {
            factory.UseKestrel();
            factory.StartServer();
            await factory.Services.GetRequiredService<MigrationGate>().WaitAsync(CancellationToken.None);
            host.Address = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        admin?.Dispose();
        await factory.DisposeAsync();
        await database.DisposeAsync();
    }

    private sealed class Factory(IReadOnlyList<KeyValuePair<string, string?>> settings) : WebApplicationFactory<ComplaintGrpcService>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }
}
