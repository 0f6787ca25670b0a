using System.Diagnostics.Metrics;
using Bansos.Payout.Application;
using Bansos.Payout.Domain;
using Bansos.Payout.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bansos.Payout.Tests.Application;

public sealed class UnbackedAuthorizationsTests
{
    [Fact]
    public void Every_request_is_counted_but_logged_at_most_once_per_interval_with_the_count_since_the_last_line()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        long counted = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => counted += value);
        listener.Start();
        var time = new FrozenTime();
        var log = new ListLogger();
        var unbacked = new UnbackedAuthorizations(meters, time, log);

        for (var i = 0; i < 1000; i++)
        {
            unbacked.Record(7, DeclineReason.ChallengeUnknown);
        }

        time.Advance(UnbackedAuthorizations.LogInterval);
        unbacked.Record(7, DeclineReason.ChallengeOtherTerminal);

        Assert.Equal(1001, counted);
        Assert.Equal(2, log.Lines.Count);
        Assert.StartsWith("1 ", log.Lines[0], StringComparison.Ordinal);
        Assert.StartsWith("1000 ", log.Lines[1], StringComparison.Ordinal); // 999 held back, plus the one that logs
        Assert.Contains("terminal 7", log.Lines[1], StringComparison.Ordinal);
    }

    private sealed class ListLogger : ILogger<UnbackedAuthorizations>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
