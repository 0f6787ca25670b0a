using Bansos.Payout.Data;
using Bansos.ServiceDefaults.Storage;
using System.Collections.Concurrent;

namespace Bansos.Payout.Application;

/// <summary>
/// Which periods are training periods. The flag is set at creation and never changes, so each
/// period id is asked once and then answered from memory (BeginPayout reads it for every card
/// without another query; the same answer on every instance).
/// </summary>
public sealed class TrainingPeriods(IDatabase database, PeriodStore periods)
{
    private readonly ConcurrentDictionary<long, bool> known = new();

    /// <summary>The training periods among <paramref name="periodIds"/> (unknown ids, like a card refusal's 0, are not training).</summary>
    public async Task<IReadOnlySet<long>> AmongAsync(IEnumerable<long> periodIds, CancellationToken ct)
    {
        var ids = periodIds.Where(id => id > 0).Distinct().ToList();
        var missing = ids.Where(id => !known.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            await using var connection = await database.OpenConnectionAsync(ct);
            foreach (var id in missing)
            {
                // Only periods that exist are remembered: an id not created yet may still be created as either.
                if (await periods.IsTrainingAsync(connection, id, ct) is { } training)
                {
                    known[id] = training;
                }
            }
        }

        return ids.Where(id => known.TryGetValue(id, out var t) && t).ToHashSet();
    }
}
