using System.Text;
using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Tests.Support;
using Bansos.Testing;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;

namespace Bansos.ServiceDefaults.Tests;

/// <summary>
/// Issue 11 point 8 on the real broker: a consumer's transient failures are retried until they pass
/// (here twenty of them, four times the old limit that parked a card block for good); a permanent one
/// — a rule that will never pass, a body that cannot be read — is parked at once, by message id, and
/// readiness turns Degraded.
/// </summary>
public sealed class ConsumerFailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Transient_failures_are_retried_until_the_message_is_consumed()
    {
        await RequiresServer.RabbitMqAsync();
        await using var db = TestDatabases.CreateSqlite();
        using var host = await StartAsync(db);
        var runId = Guid.NewGuid().ToString("N");

        await host.Services.GetRequiredService<IBus>().Publish(new FlakyProbe(runId, Failures: 20, Permanent: false), Ct);

        await WaitAsync(() => FlakyConsumer.Consumed.ContainsKey(runId), "the probe was consumed");
        Assert.Equal(21, FlakyConsumer.Attempts[runId]);
        Assert.Equal(0, host.Services.GetRequiredService<ParkedMessages>().Count);
        Assert.Equal(HealthStatus.Healthy, (await ReadinessAsync(host)).Status);
        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task A_permanent_failure_is_parked_at_once_with_its_message_id_and_readiness_is_degraded()
    {
        await RequiresServer.RabbitMqAsync();
        await using var db = TestDatabases.CreateSqlite();
        var service = TestMessaging.UniqueServiceName("retry");
        using var host = await StartAsync(db, service);
        var runId = Guid.NewGuid().ToString("N");
        var messageId = NewId.NextGuid();

        await host.Services.GetRequiredService<IBus>().Publish(
            new FlakyProbe(runId, Failures: int.MaxValue, Permanent: true), context => context.MessageId = messageId, Ct);

        var parked = host.Services.GetRequiredService<ParkedMessages>();
        await WaitAsync(() => parked.Recent.Any(p => p.MessageId == messageId), "the probe was parked");
        Assert.Equal(1, FlakyConsumer.Attempts[runId]); // not retried: it would never pass
        Assert.EndsWith("flaky", parked.Recent.Single(p => p.MessageId == messageId).Endpoint, StringComparison.Ordinal);
        var readiness = await ReadinessAsync(host, HealthStatus.Degraded);
        Assert.Contains(messageId.ToString(), readiness.Entries["parked-messages"].Description, StringComparison.Ordinal);
        Assert.Contains($"{service}-flaky_error (1)", readiness.Entries["parked-messages"].Description, StringComparison.Ordinal);
        await host.StopAsync(Ct);

        // A restart does not forget it: the broker still holds it in the _error queue.
        using var restarted = await StartAsync(db, service);
        Assert.Equal(0, restarted.Services.GetRequiredService<ParkedMessages>().Count);
        var afterRestart = await ReadinessAsync(restarted);
        Assert.Equal(HealthStatus.Degraded, afterRestart.Status);
        Assert.Contains($"{service}-flaky_error (1)", afterRestart.Entries["parked-messages"].Description, StringComparison.Ordinal);

        // The operator dealt with it (moved back or purged): ready again, without a restart.
        await using (var connection = await new ConnectionFactory { Uri = new Uri(TestServers.RabbitMq) }.CreateConnectionAsync(Ct))
        await using (var channel = await connection.CreateChannelAsync(cancellationToken: Ct))
        {
            await channel.QueuePurgeAsync($"{service}-flaky_error", Ct);
        }

        Assert.Equal(HealthStatus.Healthy, (await ReadinessAsync(restarted)).Status);
        await restarted.StopAsync(Ct);
    }

    [Fact]
    public async Task A_message_that_cannot_be_read_is_parked()
    {
        await RequiresServer.RabbitMqAsync();
        await using var db = TestDatabases.CreateSqlite();
        var service = TestMessaging.UniqueServiceName("poison");
        using var host = await StartAsync(db, service);

        var uri = new Uri(TestServers.RabbitMq);
        var factory = new ConnectionFactory { Uri = uri };
        await using (var connection = await factory.CreateConnectionAsync(Ct))
        await using (var channel = await connection.CreateChannelAsync(cancellationToken: Ct))
        {
            var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = Guid.NewGuid().ToString() };
            await channel.BasicPublishAsync("", $"{service}-flaky", mandatory: true, properties, Encoding.UTF8.GetBytes("{ not json"), Ct);
        }

        var parked = host.Services.GetRequiredService<ParkedMessages>();
        await WaitAsync(() => parked.Count == 1, "the unreadable message was parked");
        await ReadinessAsync(host, HealthStatus.Degraded);
        await host.StopAsync(Ct);
    }

    private static async Task<IHost> StartAsync(TestDatabase db, string? service = null)
    {
        service ??= TestMessaging.UniqueServiceName("retry");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(
        [
            .. db.Settings(service),
            .. TestMessaging.Settings(),
            new("Bansos:Outbox:RelayEnabled", "false"),
            new("Bansos:RabbitMq:ConsumerRetryMaxInterval", "00:00:00.200"),
        ]);
        builder.AddBansosStorage(service, typeof(TestMigrations).Assembly);
        builder.AddBansosMessaging(service, bus => bus.AddConsumer<FlakyConsumer>().Endpoint(e => e.Name = $"{service}-flaky"));
        var host = builder.Build();
        await host.StartAsync(Ct);
        return host;
    }

    private static Task<HealthReport> ReadinessAsync(IHost host) =>
        host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Tags.Contains(ServiceDefaultsExtensions.ReadyTag), Ct);

    /// <summary>Readiness once it reads <paramref name="expected"/>: the parking filter counts a message just before MassTransit moves it to the _error queue.</summary>
    private static async Task<HealthReport> ReadinessAsync(IHost host, HealthStatus expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var report = await ReadinessAsync(host);
            if (report.Status == expected || DateTime.UtcNow > deadline)
            {
                Assert.Equal(expected, report.Status);
                return report;
            }

            await Task.Delay(50, Ct);
        }
    }

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not within 60 s: {what}.");
            await Task.Delay(50, Ct);
        }
    }
}
