using Bansos.Registry.Tests.Support;
using Microsoft.Extensions.Options;

namespace Bansos.Registry.Tests.Functional;

/// <summary>A bad setting stops the registry at start-up, with the key an operator has to fix.</summary>
public sealed class SettingsTests
{
    [Theory]
    [InlineData("Bansos:Registry:ImportBatchSize", "0")]
    [InlineData("Bansos:Registry:MaxLineLength", "10")]
    [InlineData("Bansos:Registry:ImportCommitInterval", "01:00:00")]
    public async Task A_setting_out_of_range_stops_start_up_naming_its_key(string key, string value)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var registry = await RegistryFactory.StartAsync(RegistryHostOptions.Empty with { Settings = new Dictionary<string, string?> { [key] = value } });
        });

        var validation = error as OptionsValidationException ?? Assert.IsType<OptionsValidationException>(error.GetBaseException());
        Assert.Contains(key, validation.Message, StringComparison.Ordinal);
    }
}
