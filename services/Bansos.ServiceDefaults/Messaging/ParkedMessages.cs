using System.Collections.Concurrent;

namespace Bansos.ServiceDefaults.Messaging;

/// <summary>
/// The messages this process moved to an <c>_error</c> queue since it started (a permanent failure:
/// unreadable, or refused by a rule that will never pass). While there is any, /readyz reports
/// Degraded: an operator must look at it, fix the cause and move it back (docs/reliability.md).
/// </summary>
public sealed class ParkedMessages
{
    private readonly ConcurrentQueue<ParkedMessage> recent = new();
    private long count;

    public long Count => Interlocked.Read(ref count);

    /// <summary>The last few, newest last (ids and endpoints only: no message bodies).</summary>
    public IReadOnlyList<ParkedMessage> Recent => [.. recent];

    internal void Add(ParkedMessage message)
    {
        Interlocked.Increment(ref count);
        recent.Enqueue(message);
        while (recent.Count > 20 && recent.TryDequeue(out _))
        {
        }
    }
}

/// <summary>One parked message: its MessageId, the queue it came from, the failure's type and when.</summary>
public sealed record ParkedMessage(Guid? MessageId, string Endpoint, string Failure, DateTimeOffset At);
