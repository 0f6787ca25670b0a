using Bansos.Testing;

namespace Bansos.Gateway.Tests.Support;

/// <summary>
/// <see cref="GatewayStack"/> with the complaint service started behind the gateway too (its own
/// SQLite database; its bus on a virtual host nobody publishes to, so no foreign event opens a ticket).
/// </summary>
public sealed class ComplaintGatewayStack : GatewayStack
{
    private readonly int grpcPort = FreePorts.Next();
    private readonly int httpPort = FreePorts.Next();
    private TestDatabase? database;

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Bansos:Gateway:Services:complaint:Http", $"http://127.0.0.1:{httpPort}"),
        new("Bansos:Gateway:Services:complaint:Grpc", $"http://127.0.0.1:{grpcPort}"),
    ];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        database = TestDatabases.CreateSqlite();
        await StartAsync(Service("complaint", grpcPort, httpPort, Jwks, database,
        [
            new("ConnectionStrings:rabbitmq", await TestVirtualHosts.UriAsync("bansos-gateway-tests-quiet")),
            new("Bansos:Complaint:EndpointPrefix", TestMessaging.UniqueServiceName("complaint-gw-test")),
        ]));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
