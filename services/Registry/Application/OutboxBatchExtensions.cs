using System.Data.Common;
using Bansos.ServiceDefaults.Messaging;

namespace Bansos.Registry.Application;

internal static class OutboxBatchExtensions
{
    /// <summary>Enqueues events in order, in the caller's transaction.</summary>
    public static async Task EnqueueManyAsync(
        this IOutbox outbox, DbConnection connection, DbTransaction transaction, IEnumerable<object> events, CancellationToken ct)
    {
        foreach (var @event in events)
        {
            await outbox.EnqueueAsync(connection, transaction, @event, ct);
        }
    }
}
