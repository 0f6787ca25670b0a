using Microsoft.Extensions.Configuration;

namespace Bansos.Payout.Application;

/// <summary><c>Bansos:Pilot:*</c>: whether to seed the Bengkulu Utara pilot and the window of its period.</summary>
public sealed record PilotSeedOptions(bool Seed, DateOnly? PeriodStart, DateOnly? PeriodEnd)
{
    public static PilotSeedOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Bansos:Pilot");
        return new PilotSeedOptions(
            section.GetValue("Seed", false),
            Domain.BusinessCalendar.TryParse(section["PeriodStart"], out var start) ? start : null,
            Domain.BusinessCalendar.TryParse(section["PeriodEnd"], out var end) ? end : null);
    }
}
