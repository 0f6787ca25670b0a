using System.Diagnostics;
using Bansos.Testing;

namespace Bansos.Payout.Tests.Support;

/// <summary>
/// The broker URI of the payout tests: the test broker with a virtual host of their own, so that
/// the registry events they publish and the payout events their hosts relay never meet other test
/// projects' consumers (nor a pilot running on the same broker). Created once per run with
/// <c>rabbitmqctl</c> (the CI broker is local and the tests run as root); where that is not
/// possible the configured URI is used as is, and the tests still keep apart by ids and queue names.
/// </summary>
public static class PayoutTestBroker
{
    public const string VirtualHost = "bansos-payout-tests";

    private static readonly Lazy<Task<string>> Resolved = new(ResolveAsync);

    public static Task<string> UriAsync() => Resolved.Value;

    private static async Task<string> ResolveAsync()
    {
        var configured = new UriBuilder(TestServers.RabbitMq);
        if (configured.Host is not ("127.0.0.1" or "localhost") || configured.Path.Trim('/').Length > 0)
        {
            return TestServers.RabbitMq; // a remote broker or a chosen virtual host: as given
        }

        var user = Uri.UnescapeDataString(configured.UserName.Length > 0 ? configured.UserName : "guest");
        var (listed, vhosts) = await RabbitMqCtlAsync("list_vhosts");
        var ready = listed &&
            (vhosts.Split('\n', StringSplitOptions.TrimEntries).Contains(VirtualHost) || (await RabbitMqCtlAsync("add_vhost", VirtualHost)).Ok) &&
            (await RabbitMqCtlAsync("set_permissions", "-p", VirtualHost, user, ".*", ".*", ".*")).Ok;
        if (!ready)
        {
            return TestServers.RabbitMq;
        }

        configured.Path = "/" + VirtualHost;
        return configured.Uri.ToString();
    }

    private static async Task<(bool Ok, string Output)> RabbitMqCtlAsync(params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-q");
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start);
            if (process is null)
            {
                return (false, "");
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            await Task.WhenAll(output, error);
            return (process.ExitCode == 0, await output);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or OperationCanceledException)
        {
            return (false, "");
        }
    }
}
