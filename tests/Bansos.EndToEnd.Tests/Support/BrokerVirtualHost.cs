using System.Diagnostics;
using Bansos.Testing;

namespace Bansos.EndToEnd.Tests.Support;

/// <summary>
/// A virtual host of this run's own on the shared test broker (BANSOS_TEST_RABBITMQ), made and
/// deleted with <c>rabbitmqctl</c>: the stack's events never meet another test project's consumers.
/// </summary>
public sealed class BrokerVirtualHost : IAsyncDisposable
{
    private BrokerVirtualHost(string name, string uri)
    {
        Name = name;
        Uri = uri;
    }

    public string Name { get; }

    /// <summary>The AMQP URI of the broker with this virtual host.</summary>
    public string Uri { get; }

    public static async Task<BrokerVirtualHost> CreateAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        var broker = new UriBuilder(TestServers.RabbitMq);
        var user = System.Uri.UnescapeDataString(broker.UserName.Length > 0 ? broker.UserName : "guest");
        await CtlAsync("add_vhost", name);
        await CtlAsync("set_permissions", "-p", name, user, ".*", ".*", ".*");
        broker.Path = "/" + name;
        return new BrokerVirtualHost(name, broker.Uri.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await CtlAsync("delete_vhost", Name);
        }
        catch (InvalidOperationException)
        {
            // a vhost left behind holds nothing another run reads (names are unique)
        }
    }

    private static async Task CtlAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-q");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmqctl could not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"rabbitmqctl {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output} — the end-to-end test makes its own virtual host on the local broker (run as root, .ci/servers.sh)");
        }
    }
}
