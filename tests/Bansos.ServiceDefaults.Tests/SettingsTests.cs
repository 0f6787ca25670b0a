using Bansos.ServiceDefaults.Tests.Support;
using Bansos.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bansos.ServiceDefaults.Tests;

/// <summary>A bad broker, outbox or token setting stops start-up, with the key an operator has to fix (docs/decisions.md D87).</summary>
public sealed class SettingsTests
{
    [Theory]
    [InlineData("Bansos:RabbitMq:ConsumerRetryMaxInterval", "00:00:00")]
    [InlineData("Bansos:RabbitMq:Port", "0")]
    [InlineData("Bansos:RabbitMq:Host", "")]
    [InlineData("Bansos:Outbox:MaxInFlight", "0")] // these three would stall the relay
    [InlineData("Bansos:Outbox:BatchSize", "-5")]
    [InlineData("Bansos:Outbox:PollInterval", "00:00:00")]
    public async Task A_bad_broker_or_outbox_setting_stops_start_up_naming_its_key(string key, string value)
    {
        await using var db = TestDatabases.CreateSqlite();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection([.. db.Settings("probe"), .. TestMessaging.Settings(), new(key, value)]);
        builder.AddBansosStorage("probe", typeof(TestMigrations).Assembly);
        builder.AddBansosMessaging("probe");
        using var host = builder.Build();

        // Checked before any hosted service starts: the relay never runs with the bad value.
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bansos:Auth:ClockSkew", "01:00:00")]
    [InlineData("Bansos:Auth:KeyRefreshInterval", "00:00:00")]
    [InlineData("Bansos:Auth:JwksUri", "jwks.json")]
    public async Task A_bad_token_setting_stops_start_up_naming_its_key(string key, string value)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = await TestApp.StartAsync([new(key, value)]);
        });

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
