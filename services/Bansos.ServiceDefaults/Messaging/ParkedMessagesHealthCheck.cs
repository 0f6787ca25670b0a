using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bansos.ServiceDefaults.Messaging;

/// <summary>
/// Degraded (still ready: payouts go on) while a message waits in one of this service's
/// <c>_error</c> queues, by the broker's count (<see cref="ErrorQueues"/>), so a restart does not
/// forget it; the description adds the last message this process parked, by id. When the broker
/// cannot be asked, what this process parked since it started decides.
/// </summary>
internal sealed class ParkedMessagesHealthCheck(ParkedMessages parked, ErrorQueues errorQueues) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var last = parked.Recent is [.., var newest] ? $"; last parked here {newest.MessageId} from {newest.Endpoint} ({newest.Failure})" : "";
        IReadOnlyList<(string Queue, uint Messages)> waiting;
        try
        {
            waiting = await errorQueues.CountAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return parked.Count == 0
                ? HealthCheckResult.Healthy($"error queues not read ({ex.GetType().Name}); none parked since start")
                : HealthCheckResult.Degraded($"error queues not read ({ex.GetType().Name}); {parked.Count} parked since start{last}");
        }

        if (waiting.Count == 0)
        {
            return HealthCheckResult.Healthy("no parked messages");
        }

        var queues = string.Join(", ", waiting.Select(w => $"{w.Queue} ({w.Messages})"));
        return HealthCheckResult.Degraded($"{waiting.Sum(w => w.Messages)} message(s) parked: {queues}{last}");
    }
}
