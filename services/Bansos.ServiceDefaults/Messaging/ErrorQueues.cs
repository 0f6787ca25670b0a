using System.Collections.Concurrent;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Bansos.ServiceDefaults.Messaging;

/// <summary>
/// How many messages wait in the <c>_error</c> queues of this service's receive endpoints, asked of
/// the broker itself (a passive declare per queue). The broker keeps them across restarts, and an
/// operator who moves them back or purges them clears the count: readiness follows what is really
/// parked, not what this process happened to park since it started (docs/reliability.md).
/// </summary>
public sealed class ErrorQueues(RabbitMqSettings rabbit) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, byte> endpoints = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim gate = new(1, 1);
    private IConnection? connection;

    /// <summary>The receive endpoints (queue names) configured in this process.</summary>
    public IReadOnlyCollection<string> Endpoints => [.. endpoints.Keys];

    internal void AddEndpoint(string queue) => endpoints.TryAdd(queue, 0);

    /// <summary>The error queues that hold messages, with their counts (none: nothing parked).</summary>
    public async Task<IReadOnlyList<(string Queue, uint Messages)>> CountAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            connection ??= await BrokerConnections.Factory(rabbit, "bansos-error-queues").CreateConnectionAsync(ct);
            var found = new List<(string, uint)>();
            IChannel? channel = null;
            try
            {
                foreach (var queue in endpoints.Keys.Order(StringComparer.Ordinal).Select(e => e + "_error"))
                {
                    channel ??= await connection.CreateChannelAsync(cancellationToken: ct);
                    try
                    {
                        var declared = await channel.QueueDeclarePassiveAsync(queue, ct);
                        if (declared.MessageCount > 0)
                        {
                            found.Add((queue, declared.MessageCount));
                        }
                    }
                    catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
                    {
                        // Never parked anything: MassTransit makes the error queue at the first fault. The
                        // broker closed the channel; the next queue gets a new one.
                        await channel.DisposeAsync();
                        channel = null;
                    }
                }
            }
            finally
            {
                if (channel is not null)
                {
                    await channel.DisposeAsync();
                }
            }

            return found;
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or AlreadyClosedException or OperationInterruptedException or IOException)
        {
            // The next check opens a new connection; the caller reports the broker as unreachable.
            await DropConnectionAsync();
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DropConnectionAsync();
        gate.Dispose();
    }

    private async Task DropConnectionAsync()
    {
        if (connection is { } open)
        {
            connection = null;
            try
            {
                await open.DisposeAsync();
            }
            catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
            {
            }
        }
    }
}
