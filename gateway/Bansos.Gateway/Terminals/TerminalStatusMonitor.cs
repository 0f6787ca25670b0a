using System.Collections.Frozen;
using Bansos.Gateway.Tokens;
using Bansos.Protos.Payout.V1;
using Bansos.ServiceDefaults.Auth;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Bansos.Gateway.Terminals;

/// <summary>
/// Which terminals payout knows and whether they are active, from payout's
/// <c>WatchDistributionPoints</c> stream: payout sends the list at once, after every change and at
/// least every 20 s, so a terminal disabled in payout is refused here within moments, without a
/// restart and without polling (docs/decisions.md D93). The stream ends when its service token
/// expires and is opened again with a fresh one; while it cannot be opened it is retried every
/// second. When no list has arrived for <see cref="GatewayOptions.TerminalStatusMaxAge"/>, every
/// terminal is refused (fail closed).
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
    private readonly Lock applyLock = new();
    private volatile Snapshot current = new(FrozenDictionary<long, TerminalState>.Empty, FrozenDictionary<long, string>.Empty, DateTimeOffset.MinValue);

    /// <summary>Active and known, by a read no older than the maximum age.</summary>
    public bool IsActive(long terminalId)
    {
        var snapshot = current;
        return time.GetUtcNow() - snapshot.ReadAt <= options.Value.TerminalStatusMaxAge &&
               snapshot.States.TryGetValue(terminalId, out var state) && state == TerminalState.Active;
    }

    /// <summary>
    /// The village of the terminal's distribution point, as payout last said (null: unknown). Put on
    /// the terminal's token as its one <c>village</c> claim: the complaint service lets an agent file
    /// only for that village (docs/complaint.md).
    /// </summary>
    public string? VillageOf(long terminalId) => current.Villages.GetValueOrDefault(terminalId);

    /// <summary>Reads payout now (an admin asking for an enrolment code must not wait for the next poll).</summary>
    public async Task<TerminalState?> RefreshAndGetAsync(long terminalId, CancellationToken ct)
    {
        await ReadAsync(ct);
        return current.States.TryGetValue(terminalId, out var state) ? state : null;
    }

    /// <summary>How long to wait before opening the watch again after it failed.</summary>
    public static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var call = points.WatchDistributionPoints(new WatchDistributionPointsRequest(), ServiceHeaders(), cancellationToken: stoppingToken);
                var lists = 0;
                await foreach (var reply in call.ResponseStream.ReadAllAsync(stoppingToken))
                {
                    lists++;
                    Apply(reply, time.GetUtcNow());
                    if (failing)
                    {
                        failing = false;
                        logger.LogInformation("Terminal status from payout restored");
                    }
                }

                // Ended by payout at the token's expiry: open it again at once with a fresh token. A stream
                // that ended before its first list (clocks apart, a token already expired) waits first.
                if (lists > 0)
                {
                    continue;
                }
            }
            catch (Exception ex) when (stoppingToken.IsCancellationRequested && ex is RpcException or OperationCanceledException or HttpRequestException)
            {
                // The gateway is stopping: the watch was cancelled, not broken.
                return;
            }
            catch (Exception ex) when (ex is RpcException or HttpRequestException)
            {
                if (!failing)
                {
                    failing = true;
                    logger.LogWarning("Terminal status not read from payout ({Reason}); last read {ReadAt:O}; retrying every {Delay}",
                        ex.Message, current.ReadAt, ReconnectDelay);
                }
            }

            try
            {
                await Task.Delay(ReconnectDelay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ReadAsync(CancellationToken ct)
    {
        await readGate.WaitAsync(ct);
        try
        {
            var started = time.GetUtcNow();
            var reply = await points.ListDistributionPointsAsync(new ListDistributionPointsRequest(), ServiceHeaders(),
                deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: ct);
            Apply(reply, started);
        }
        finally
        {
            readGate.Release();
        }
    }

    private Metadata ServiceHeaders() => new() { { "Authorization", "Bearer " + tokens.IssueService(BansosRoles.Admin).Token } };

    private void Apply(ListDistributionPointsResponse reply, DateTimeOffset readAt)
    {
        var states = reply.Points.SelectMany(p => p.Terminals).ToFrozenDictionary(
            t => t.TerminalId,
            t => t.Status == TerminalStatus.Active ? TerminalState.Active : TerminalState.Disabled);
        var villages = reply.Points.SelectMany(p => p.Terminals.Select(t => (t.TerminalId, p.VillageCode)))
            .ToFrozenDictionary(t => t.TerminalId, t => t.VillageCode);
        lock (applyLock)
        {
            // A one-off read that began before the stream's latest list must not bring back older states.
            if (readAt >= current.ReadAt)
            {
                current = new Snapshot(states, villages, readAt);
            }
        }
    }

    private sealed record Snapshot(FrozenDictionary<long, TerminalState> States, FrozenDictionary<long, string> Villages, DateTimeOffset ReadAt);
}
