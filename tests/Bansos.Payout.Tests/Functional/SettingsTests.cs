using Bansos.Payout.Tests.Support;
using Bansos.ServiceDefaults.Storage;
using Microsoft.Extensions.Options;

namespace Bansos.Payout.Tests.Functional;

/// <summary>A bad payout or pilot setting stops the service at start-up, with the key an operator has to fix (docs/decisions.md D87).</summary>
public sealed class SettingsTests
{
    [Theory]
    [InlineData("Bansos:Payout:MaxBatch", "0")]
    [InlineData("Bansos:Payout:CardKeyCacheSize", "0")]
    [InlineData("Bansos:Payout:ChallengeTtl", "00:00:00")]
    [InlineData("Bansos:Payout:BatchWindow", "00:00:01")]
    [InlineData("Bansos:Payout:BeginPayoutLimit:Burst", "0")]
    public async Task A_payout_setting_out_of_range_stops_start_up_naming_its_key(string key, string value)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await PayoutHost.StartAsync(DbDialect.Sqlite, settings: [new(key, value)]);
        });

        var validation = error as OptionsValidationException ?? Assert.IsType<OptionsValidationException>(error.GetBaseException());
        Assert.Contains(key, validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pilot_period_that_ends_before_it_starts_stops_start_up_naming_its_key()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await PayoutHost.StartAsync(DbDialect.Sqlite,
                settings: [new("Bansos:Pilot:PeriodStart", "2026-03-01"), new("Bansos:Pilot:PeriodEnd", "2026-02-01")]);
        });

        var validation = error as OptionsValidationException ?? Assert.IsType<OptionsValidationException>(error.GetBaseException());
        Assert.Contains("Bansos:Pilot:PeriodEnd", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pilot_date_that_is_not_a_date_stops_start_up_naming_its_key()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await PayoutHost.StartAsync(DbDialect.Sqlite, settings: [new("Bansos:Pilot:PeriodStart", "next monday")]);
        });

        Assert.Contains("Bansos:Pilot:PeriodStart", error.ToString(), StringComparison.Ordinal);
    }
}
