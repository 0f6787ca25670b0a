using Bansos.Payout.Domain;
using Bansos.ServiceDefaults.Limits;
using Microsoft.Extensions.Options;

namespace Bansos.Payout.Application;

/// <summary>
/// A token bucket per terminal for BeginPayout lookups, checked before the database is read
/// (card numbers are sequential: unthrottled lookups would enumerate beneficiaries). The counting
/// is ServiceDefaults' <see cref="KeyedRateLimiter{TKey, TState}"/> (docs/decisions.md D100); a
/// terminal's bucket is forgotten once it has refilled.
/// </summary>
public sealed class BeginPayoutLimiter(IOptions<BeginPayoutLimitOptions> options, TimeProvider time)
{
    private readonly KeyedRateLimiter<long, TokenBucketRule.Bucket> buckets = new(
        TokenBucketRule.Of(options.Value.Burst, Math.Max(1, TimeSpan.TicksPerMinute / options.Value.PerMinute)));

    /// <summary>Throws <see cref="LookupThrottledException"/> when the terminal has no lookup left.</summary>
    public void Take(long terminalId)
    {
        if (!buckets.TryTake(terminalId, time.GetUtcNow().UtcTicks, out _))
        {
            throw new LookupThrottledException(
                "Terlalu banyak pencarian kartu dari terminal ini; coba lagi sebentar lagi (too many card lookups from this terminal; try again shortly).");
        }
    }
}
