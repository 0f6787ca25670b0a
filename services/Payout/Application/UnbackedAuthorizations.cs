using System.Diagnostics.Metrics;
using Bansos.Payout.Domain;
using Microsoft.Extensions.Logging;

namespace Bansos.Payout.Application;

/// <summary>
/// AuthorizePayout requests that no challenge of the calling terminal backs (made-up ids, another
/// terminal's): not stored, but counted (<c>bansos.payout.unbacked_authorizations</c>, by reason)
/// and logged at most once per <see cref="LogInterval"/> with how many came since the last line,
/// so a flood of forged ids fills neither the database nor the log.
/// </summary>
public sealed partial class UnbackedAuthorizations
{
    public const string MeterName = "Bansos.Payout";
    public const string CounterName = "bansos.payout.unbacked_authorizations";
    public static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);

    private readonly Counter<long> counter;
    private readonly TimeProvider time;
    private readonly ILogger<UnbackedAuthorizations> logger;
    private readonly Lock gate = new();
    private long lastLogTicks = long.MinValue;
    private long unlogged;

    public UnbackedAuthorizations(IMeterFactory meters, TimeProvider time, ILogger<UnbackedAuthorizations> logger)
    {
        counter = meters.Create(MeterName).CreateCounter<long>(CounterName, "{request}",
            "AuthorizePayout requests no challenge of the calling terminal backs (answered, not stored)");
        this.time = time;
        this.logger = logger;
    }

    public void Record(long terminalId, DeclineReason reason)
    {
        var code = DeclineReasons.Code(reason);
        counter.Add(1, new KeyValuePair<string, object?>("reason", code));
        long count;
        lock (gate)
        {
            unlogged++;
            var now = time.GetUtcNow().UtcTicks;
            if (lastLogTicks != long.MinValue && now - lastLogTicks < LogInterval.Ticks)
            {
                return;
            }

            lastLogTicks = now;
            count = unlogged;
            unlogged = 0;
        }

        LogUnbacked(count, terminalId, code);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Count} AuthorizePayout request(s) backed by no challenge of their terminal since the last report, answered and not stored (latest: terminal {TerminalId}, {Reason})")]
    private partial void LogUnbacked(long count, long terminalId, string reason);
}
