using System.Collections.Frozen;
using Bansos.Gateway.Tokens;
using Bansos.Protos.Payout.V1;
using Bansos.ServiceDefaults.Auth;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Bansos.Gateway.Terminals;

/// <summary>
/// Which terminals payout knows and whether they are active, read from payout's
/// <c>ListDistributionPoints</c> every <see cref="GatewayOptions.TerminalStatusPollInterval"/> (2 s):
/// a terminal disabled in payout is refused at the gateway by the next read, without a restart.
/// Polling rather than an event: payout publishes no terminal event, the list is small (one row
/// per terminal), and a missed message could never leave a disabled terminal let in. When payout
/// cannot be read for <see cref="GatewayOptions.TerminalStatusMaxAge"/>, every terminal is refused.
/// </summary>
public sealed class TerminalStatusMonitor(
    DistributionPointService.DistributionPointServiceClient points,
    GatewayTokenIssuer tokens,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<TerminalStatusMonitor> logger) : BackgroundService
{
    // Not disposed: a read still in flight when the host is disposed would release a disposed
    // semaphore and stop the host with an error; SemaphoreSlim holds nothing unmanaged here.
    private readonly SemaphoreSlim readGate = new(1, 1);
    private volatile Snapshot current = new(FrozenDictionary<long, TerminalState>.Empty, DateTimeOffset.MinValue);

    /// <summary>Active and known, by a read no older than the maximum age.</summary>
    public bool IsActive(long terminalId)
    {
        var snapshot = current;
        return time.GetUtcNow() - snapshot.ReadAt <= options.Value.TerminalStatusMaxAge &&
               snapshot.States.TryGetValue(terminalId, out var state) && state == TerminalState.Active;
    }

    /// <summary>Reads payout now (an admin asking for an enrolment code must not wait for the next poll).</summary>
    public async Task<TerminalState?> RefreshAndGetAsync(long terminalId, CancellationToken ct)
    {
        await ReadAsync(ct);
        return current.States.TryGetValue(terminalId, out var state) ? state : null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TerminalStatusPollInterval, time);
        do
        {
            try
            {
                await ReadAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is RpcException or HttpRequestException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Terminal status not read from payout ({Reason}); last read {ReadAt:O}", ex.Message, current.ReadAt);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ReadAsync(CancellationToken ct)
    {
        await readGate.WaitAsync(ct);
        try
        {
            var started = time.GetUtcNow();
            var headers = new Metadata { { "Authorization", "Bearer " + tokens.IssueService(BansosRoles.Admin).Token } };
            var reply = await points.ListDistributionPointsAsync(new ListDistributionPointsRequest(), headers,
                deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: ct);
            var states = reply.Points.SelectMany(p => p.Terminals).ToFrozenDictionary(
                t => t.TerminalId,
                t => t.Status == TerminalStatus.Active ? TerminalState.Active : TerminalState.Disabled);
            current = new Snapshot(states, started);
        }
        finally
        {
            readGate.Release();
        }
    }

    private sealed record Snapshot(FrozenDictionary<long, TerminalState> States, DateTimeOffset ReadAt);
}
