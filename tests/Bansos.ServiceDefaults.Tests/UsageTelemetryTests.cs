using Bansos.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bansos.ServiceDefaults.Tests;

/// <summary>Nothing about the system leaves the machine: MassTransit's report to its vendor is off (docs/decisions.md D99).</summary>
public sealed class UsageTelemetryTests
{
    [Fact]
    public void The_bus_sends_no_usage_report()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:rabbitmq", "amqp://guest:guest@127.0.0.1:5672/")]);
        builder.AddBansosMessaging("telemetry-test");
        using var host = builder.Build();

        Assert.False(host.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }
}
