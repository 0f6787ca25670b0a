using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Data.Sqlite;

namespace Bansos.ServiceDefaults.Tests.Support;

/// <summary>Fails a <see cref="FlakyProbe"/> as it says, counting every attempt per run.</summary>
public sealed class FlakyConsumer : IConsumer<FlakyProbe>
{
    public static ConcurrentDictionary<string, int> Attempts { get; } = new();

    public static ConcurrentDictionary<string, bool> Consumed { get; } = new();

    public Task Consume(ConsumeContext<FlakyProbe> context)
    {
        var probe = context.Message;
        var attempt = Attempts.AddOrUpdate(probe.RunId, 1, (_, n) => n + 1);
        if (attempt <= probe.Failures)
        {
            throw probe.Permanent
                ? new InvalidOperationException("a rule that will never pass")
                : new SqliteException("database is locked", 5); // SQLITE_BUSY
        }

        Consumed[probe.RunId] = true;
        return Task.CompletedTask;
    }
}
