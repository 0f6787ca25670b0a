using Bansos.Contracts;
using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Tests.Support;
using Bansos.Testing;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Bansos.ServiceDefaults.Tests;

/// <summary>
/// Bansos:RabbitMq:QuorumQueues=true (docker-compose.yml) on the real broker, in a virtual host of
/// its own: a service's receive endpoint, its _error queue and the subscriber queues a publisher
/// binds before its first publish are all quorum queues, and the two sides' declarations agree
/// (the relay's declare would otherwise be refused with PRECONDITION_FAILED and nothing published).
/// </summary>
public sealed class QuorumQueueTests
{
    private const string VirtualHost = "bansos-servicedefaults-quorum";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_the_option_a_services_queues_are_declared_as_quorum_queues()
    {
        await RequiresServer.RabbitMqAsync();
        var uri = await TestVirtualHosts.UriAsync(VirtualHost);
        if (await TestVirtualHosts.QueueTypesAsync(VirtualHost) is null)
        {
            RequireRabbitMqCtl();
        }

        await using var db = TestDatabases.CreateSqlite();
        var service = TestMessaging.UniqueServiceName("quorum");
        var endpoint = $"{service}-flaky";
        var subscriberQueues = EventSubscriptions.All.Select(s => s.Queue).ToArray();
        try
        {
            using var host = await StartAsync(db, service, uri);
            // A permanent failure moves the message to the endpoint's _error queue, which MassTransit declares then.
            var runId = Guid.NewGuid().ToString("N");
            await host.Services.GetRequiredService<IBus>().Publish(new FlakyProbe(runId, Failures: int.MaxValue, Permanent: true), Ct);

            var types = await WaitForQueuesAsync([endpoint, endpoint + "_error", .. subscriberQueues]);

            Assert.Equal("quorum", types[endpoint]);
            Assert.Equal("quorum", types[endpoint + "_error"]);
            Assert.All(subscriberQueues, queue => Assert.Equal("quorum", types[queue]));
            await host.StopAsync(Ct);
        }
        finally
        {
            await DeleteQueuesAsync(uri, [endpoint, endpoint + "_error", .. subscriberQueues]);
        }
    }

    [Fact]
    public void Quorum_queues_that_would_be_auto_delete_are_refused_at_start_up()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
        [
            new("Bansos:RabbitMq:QuorumQueues", "true"),
            new("Bansos:RabbitMq:AutoDeleteQueues", "true"),
        ]).Build();

        var error = Assert.Throws<OptionsValidationException>(() => RabbitMqSettings.From(configuration));

        Assert.Contains("Bansos:RabbitMq:QuorumQueues", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Queues_are_classic_unless_configured()
    {
        var settings = RabbitMqSettings.From(new ConfigurationBuilder().Build());

        Assert.False(settings.QuorumQueues);
    }

    private static async Task<IHost> StartAsync(TestDatabase db, string service, string brokerUri)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(
        [
            .. db.Settings(service),
            new("ConnectionStrings:rabbitmq", brokerUri),
            new("Bansos:RabbitMq:WaitUntilStarted", "true"),
            new("Bansos:RabbitMq:QuorumQueues", "true"),
            // The relay runs, so the subscriber queues are declared before its (empty) first batch.
            new("Bansos:RabbitMq:DeclareSubscriberQueues", "true"),
        ]);
        builder.AddBansosStorage(service, typeof(TestMigrations).Assembly);
        builder.AddBansosMessaging(service, bus => bus.AddConsumer<FlakyConsumer>().Endpoint(e => e.Name = $"{service}-flaky"));
        var host = builder.Build();
        await host.StartAsync(Ct);
        return host;
    }

    private static async Task<IReadOnlyDictionary<string, string>> WaitForQueuesAsync(string[] queues)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var types = await TestVirtualHosts.QueueTypesAsync(VirtualHost) ?? new Dictionary<string, string>();
            if (queues.All(types.ContainsKey))
            {
                return types;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Not within 60 s: queues {string.Join(", ", queues.Where(q => !types.ContainsKey(q)))} declared.");
            await Task.Delay(200, Ct);
        }
    }

    /// <summary>Durable queues outlive the test (a quorum queue cannot be auto-delete): remove them.</summary>
    private static async Task DeleteQueuesAsync(string brokerUri, string[] queues)
    {
        try
        {
            var factory = new ConnectionFactory { Uri = new Uri(brokerUri) };
            await using var connection = await factory.CreateConnectionAsync(CancellationToken.None);
            await using var channel = await connection.CreateChannelAsync(cancellationToken: CancellationToken.None);
            foreach (var queue in queues)
            {
                await channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false, cancellationToken: CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.BrokerUnreachableException or RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            // Best effort: the next run declares the same queues with the same arguments.
        }
    }

    private static void RequireRabbitMqCtl()
    {
        const string message = "rabbitmqctl cannot list the test broker's queues here (a remote broker?); the queue type cannot be read.";
        if (TestServers.IsCi)
        {
            Assert.Fail("CI=true and " + message);
        }

        Assert.Skip(message);
    }
}
