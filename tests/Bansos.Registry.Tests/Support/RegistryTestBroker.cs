using System.Diagnostics;
using Bansos.Testing;

namespace Bansos.Registry.Tests.Support;

/// <summary>
/// The broker URI the registry tests publish and consume on: the test broker with a virtual host of
/// their own (<see cref="VirtualHost"/>), so that the registry events these tests publish (707 pilot
/// households among them) never reach the consumers of other test projects running at the same time,
/// such as the payout projection. The virtual host is created once per run with <c>rabbitmqctl</c> (the
/// CI machine's broker is local and the tests run as root); where that is not possible, the URI's own
/// virtual host is used and the tests still isolate themselves by ids and queue names.
/// </summary>
public static class RegistryTestBroker
{
    public const string VirtualHost = "bansos-registry-tests";

    private static readonly Lazy<Task<string>> Resolved = new(ResolveAsync);

    public static Task<string> UriAsync() => Resolved.Value;

    private static async Task<string> ResolveAsync()
    {
        var configured = new UriBuilder(TestServers.RabbitMq);
        if (configured.Host is not ("127.0.0.1" or "localhost") || configured.Path.Trim('/').Length > 0)
        {
            return TestServers.RabbitMq; // a remote broker or a chosen virtual host: use it as it is
        }

        var user = Uri.UnescapeDataString(configured.UserName.Length > 0 ? configured.UserName : "guest");
        var (listed, vhosts) = await RabbitMqCtlAsync("list_vhosts");
        if (!listed)
        {
            return TestServers.RabbitMq;
        }

        if (!vhosts.Split('\n', StringSplitOptions.TrimEntries).Contains(VirtualHost)
            && !(await RabbitMqCtlAsync("add_vhost", VirtualHost)).Ok)
        {
            return TestServers.RabbitMq;
        }

        if (!(await RabbitMqCtlAsync("set_permissions", "-p", VirtualHost, user, ".*", ".*", ".*")).Ok)
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
