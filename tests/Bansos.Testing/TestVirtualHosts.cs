using System.Collections.Concurrent;
using System.Diagnostics;

namespace Bansos.Testing;

/// <summary>
/// A RabbitMQ virtual host of a test project's own on the local test broker, so that the events one
/// project publishes (the registry's 707 pilot households, say) never reach another project's
/// consumers running at the same time, nor a pilot on the same broker. Created once per run with
/// <c>rabbitmqctl</c> (the CI broker is local and the tests run as root); where that is not possible
/// the configured URI is used as is, and tests still keep apart by ids and queue names.
/// </summary>
public static class TestVirtualHosts
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Resolved = new(StringComparer.Ordinal);

    /// <summary>The broker URI with <paramref name="virtualHost"/>, created if needed.</summary>
    public static Task<string> UriAsync(string virtualHost) =>
        Resolved.GetOrAdd(virtualHost, name => new Lazy<Task<string>>(() => ResolveAsync(name))).Value;

    private static async Task<string> ResolveAsync(string virtualHost)
    {
        var configured = new UriBuilder(TestServers.RabbitMq);
        if (configured.Host is not ("127.0.0.1" or "localhost") || configured.Path.Trim('/').Length > 0)
        {
            return TestServers.RabbitMq; // a remote broker or a chosen virtual host: as given
        }

        var user = Uri.UnescapeDataString(configured.UserName.Length > 0 ? configured.UserName : "guest");
        var (listed, vhosts) = await RabbitMqCtlAsync("list_vhosts");
        var ready = listed &&
            (vhosts.Split('\n', StringSplitOptions.TrimEntries).Contains(virtualHost) || (await RabbitMqCtlAsync("add_vhost", virtualHost)).Ok) &&
            (await RabbitMqCtlAsync("set_permissions", "-p", virtualHost, user, ".*", ".*", ".*")).Ok;
        if (!ready)
        {
            return TestServers.RabbitMq;
        }

        configured.Path = "/" + virtualHost;
        return configured.Uri.ToString();
    }

    /// <summary>
    /// Each queue of <paramref name="virtualHost"/> with its type (classic, quorum, stream), as
    /// <c>rabbitmqctl list_queues name type</c> tells; null when rabbitmqctl cannot be used here.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>?> QueueTypesAsync(string virtualHost)
    {
        var (ok, output) = await RabbitMqCtlAsync("list_queues", "-p", virtualHost, "--no-table-headers", "name", "type");
        if (!ok)
        {
            return null;
        }

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length == 2)
            .ToDictionary(fields => fields[0], fields => fields[1], StringComparer.Ordinal);
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
