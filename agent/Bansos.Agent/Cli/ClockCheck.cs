using Bansos.Agent.Messages;
using Bansos.Agent.Payout;

namespace Bansos.Agent.Cli;

/// <summary>Compares this PC's clock with the server's (Ping's server_time), half the round trip allowed for.</summary>
public static class ClockCheck
{
    /// <summary>More than this apart and the operator is told to set the clock.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(2);

    public static async Task<(long TerminalId, TimeSpan Skew)> MeasureAsync(ITerminalClient terminal, TimeProvider time, CancellationToken cancellationToken)
    {
        var sent = time.GetUtcNow();
        var ping = await terminal.PingAsync(cancellationToken);
        var received = time.GetUtcNow();
        var local = sent + ((received - sent) / 2);
        return (ping.TerminalId, local - ping.ServerTime.ToDateTimeOffset());
    }

    public static Notice Describe(TimeSpan skew) =>
        skew.Duration() > Tolerance
            ? Notice.Warning(Msg.ClockSkew, (long)Math.Round(skew.Duration().TotalMinutes))
            : Notice.Info(Msg.ClockOk, (long)Math.Round(skew.Duration().TotalSeconds));
}
