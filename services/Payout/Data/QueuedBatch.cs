using System.Threading.Channels;

namespace Bansos.Payout.Data;

/// <summary>
/// The batching loops' one rule: a batch is whatever queued while the previous one ran, up to a
/// maximum, and never waits for a timer (an idle loop takes a single request at once).
/// </summary>
public static class QueuedBatch
{
    /// <summary>Fills <paramref name="batch"/> with the next requests; false when the queue is completed and empty.</summary>
    public static async ValueTask<bool> NextAsync<T>(ChannelReader<T> reader, List<T> batch, int max)
        where T : IQueuedRequest
    {
        batch.Clear();
        while (batch.Count == 0)
        {
            if (!await reader.WaitToReadAsync())
            {
                return false;
            }

            while (batch.Count < max && reader.TryRead(out var request))
            {
                if (!request.TryCancelIfRequested())
                {
                    batch.Add(request);
                }
            }
        }

        return true;
    }
}
