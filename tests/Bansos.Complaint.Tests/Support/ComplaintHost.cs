using Bansos.Complaint.Data;
using Bansos.Complaint.Grpc;
using Bansos.Protos.Complaint.V1;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Bansos.Complaint.Tests.Support;

/// <summary>The complaint service on a TestServer (<see cref="ServiceHost{TMarker}"/>) with its own database and queues.</summary>
public sealed class ComplaintHost : IAsyncDisposable
{
    public const string VirtualHost = "bansos-complaint-tests";

    /// <summary>
    /// Where hosts without messaging connect: a virtual host nobody publishes to. Every host's
    /// consumers bind their queues to the event exchanges of the virtual host they are on, so a host
    /// on <see cref="VirtualHost"/> would also open tickets from the events the messaging tests
    /// publish there — the extra ticket that once took a number in the middle of the hundred
    /// parallel filings (issue 8).
    /// </summary>
    public const string QuietVirtualHost = "bansos-complaint-tests-quiet";

    private ComplaintHost(ServiceHost<ComplaintGrpcService> host) => Host = host;

    public ServiceHost<ComplaintGrpcService> Host { get; }

    public IDbSessions Sessions => Host.Service<IDbSessions>();

    public static Task<string> BrokerAsync() => TestVirtualHosts.UriAsync(VirtualHost);

    /// <param name="messaging">Consume from and publish to RabbitMQ (the outbox relay on, start-up waits for the bus).</param>
    public static async Task<ComplaintHost> StartAsync(DbDialect dialect, bool messaging = false, TimeProvider? time = null,
        IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        if (dialect == DbDialect.Postgres)
        {
            await RequiresServer.PostgresAsync();
        }

        if (messaging)
        {
            await RequiresServer.RabbitMqAsync();
        }

        List<KeyValuePair<string, string?>> all =
        [
            .. TestMessaging.Settings(),
            new("ConnectionStrings:rabbitmq", messaging ? await BrokerAsync() : await TestVirtualHosts.UriAsync(QuietVirtualHost)),
            new("Bansos:RabbitMq:WaitUntilStarted", messaging ? "true" : "false"),
            new("Bansos:Outbox:RelayEnabled", messaging ? "true" : "false"),
            new("Bansos:Complaint:EndpointPrefix", TestMessaging.UniqueServiceName("complaint-test")),
            .. settings ?? [],
        ];
        var host = await ServiceHost<ComplaintGrpcService>.StartAsync(ComplaintHosting.ServiceName, dialect, all,
            time is null ? null : services => services.AddSingleton(time));
        return new ComplaintHost(host);
    }

    public ComplaintService.ComplaintServiceClient Client(string token) => new(Host.Channel(token));

    public HttpClient Rest(string token) => Host.Rest(token);

    /// <summary>A household as the registry's HouseholdRegistered would bring it.</summary>
    public async Task<Guid> AddHouseholdAsync(string village)
    {
        var id = Guid.NewGuid();
        await Sessions.WriteAsync(async session =>
        {
            await Host.Service<HouseholdProjection>().UpsertAsync(session, id, village, 1, DateTimeOffset.UtcNow, CancellationToken.None);
            return id;
        });
        return id;
    }

    public async Task<long> CountAsync(string sql, object? parameters = null)
    {
        await using var connection = await Host.Service<IDatabase>().OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
