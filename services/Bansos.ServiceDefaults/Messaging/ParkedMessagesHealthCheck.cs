using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bansos.ServiceDefaults.Messaging;

/// <summary>Degraded (still ready: payouts go on) while a message this process parked waits in an <c>_error</c> queue.</summary>
internal sealed class ParkedMessagesHealthCheck(ParkedMessages parked) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (parked.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy("no parked messages"));
        }

        var last = parked.Recent[^1];
        return Task.FromResult(HealthCheckResult.Degraded(
            $"{parked.Count} message(s) parked in _error queues; last {last.MessageId} from {last.Endpoint} ({last.Failure})"));
    }
}
