using System.Net;
using System.Net.Sockets;

namespace Bansos.ServiceDefaults.Tests.Support;

/// <summary>
/// A TCP hop in front of the test broker that starts "down": connections are accepted and dropped at
/// once, as when RabbitMQ restarts. <see cref="Connect"/> brings it up; later connections are relayed
/// byte for byte. Lets one host live through an outage and its end without being restarted.
/// </summary>
public sealed class BrokerSwitch : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly Task accepting;
    private volatile bool up;

    public BrokerSwitch(Uri broker)
    {
        targetHost = broker.Host;
        targetPort = broker.IsDefaultPort || broker.Port < 0 ? 5672 : broker.Port;
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>The broker's URI with this hop's port.</summary>
    public string Uri(string brokerUri) => new UriBuilder(brokerUri) { Port = Port }.Uri.ToString();

    public void Connect() => up = true;

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stopping.Token);
            if (!up)
            {
                client.Client.LingerState = new LingerOption(true, 0); // a reset, not a polite close
                client.Dispose();
                continue;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(targetHost, targetPort, stopping.Token);
                var (a, b) = (client.GetStream(), server.GetStream());
                await Task.WhenAny(a.CopyToAsync(b, stopping.Token), b.CopyToAsync(a, stopping.Token));
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                // one side went away; the other is closed with it
            }
        }
    }
}
