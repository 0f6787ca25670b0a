using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Bansos.Testing;

/// <summary>
/// Ports for hosts that a test starts and binds a moment later. Taken below Linux's ephemeral range
/// (32768–60999): a port the kernel hands out as port 0 can become the local port of an outgoing
/// connection (to RabbitMQ, PostgreSQL) before the host binds it, and the host then fails with
/// "address already in use". Checked free on every interface (a gateway binds its TLS port on all),
/// and never handed out twice in one process.
/// </summary>
public static class FreePorts
{
    private const int First = 20000;
    private const int Last = 32000;
    private static readonly ConcurrentDictionary<int, byte> Given = new();

    public static int Next()
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var port = Random.Shared.Next(First, Last);
            if (Given.TryAdd(port, 0) && IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free port between {First} and {Last}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.IPv6Any, port);
            listener.Server.DualMode = true;
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
