using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Bansos.Gateway.Tests;

/// <summary>A bad <c>Bansos:Gateway:*</c> setting stops the gateway before it listens, naming the key (docs/decisions.md D87).</summary>
public sealed class SettingsTests
{
    [Theory]
    [InlineData("Bansos:Gateway:HttpsPort", "70000")]
    [InlineData("Bansos:Gateway:HttpAddress", "localhost")]
    [InlineData("Bansos:Gateway:RevocationPollInterval", "00:00:00")]
    [InlineData("Bansos:Gateway:RateLimits:PerUserPerMinute", "0")]
    [InlineData("Bansos:Gateway:Services:payout:Grpc", "payout:5102")]
    [InlineData("Bansos:Gateway:External:Authority", "keycloak/realms/bansos")]
    public void A_bad_setting_stops_start_up_naming_its_key(string key, string value)
    {
        var folder = Path.Combine(Path.GetTempPath(), "bansos-gateway-settings", Guid.NewGuid().ToString("N"));
        try
        {
            var error = Assert.Throws<OptionsValidationException>(() => GatewayApp.Build([], configuration =>
                configuration.AddInMemoryCollection([new("Bansos:DataDir", folder), new(key, value)])));

            Assert.Contains(key, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
