using System.ComponentModel.DataAnnotations;

namespace Bansos.Payout.Application;

/// <summary>
/// <c>Bansos:Payout:BeginPayoutLimit:*</c>: how many card lookups (BeginPayout) one terminal may
/// make. Card numbers are sequential, so without a limit one terminal token could walk them and
/// learn which exist. A posko serves a family every minute or so; the defaults leave room for
/// retries and a queue, and make walking a range take hours.
/// </summary>
public sealed class BeginPayoutLimitOptions
{
    public const string Section = "Bansos:Payout:BeginPayoutLimit";

    /// <summary>Lookups a terminal may make at once after a quiet spell.</summary>
    [Range(1, int.MaxValue)]
    public int Burst { get; set; } = 30;

    /// <summary>Lookups per minute a terminal gets back, steadily.</summary>
    [Range(1, int.MaxValue)]
    public int PerMinute { get; set; } = 30;
}
