using System.Net;
using System.Net.Sockets;

namespace Bansos.Gateway.Tests.Support;

public static class FreePorts
{
    /// <summary>A loopback port free right now (the host binds it a moment later).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
