using System.Diagnostics;

namespace Bansos.Reliability.Tests.Support;

/// <summary><c>rabbitmqctl</c> against one node (the shared test broker or the fault tests' own), bounded in time.</summary>
public sealed class RabbitMqCtl(string? node, IReadOnlyDictionary<string, string>? environment = null)
{
    public async Task<string> RunAsync(params string[] arguments)
    {
        var (code, output, error) = await TryRunAsync(TimeSpan.FromSeconds(60), arguments);
        return code == 0 ? output : throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed ({code}): {error}{output}");
    }

    public async Task<(int Code, string Output, string Error)> TryRunAsync(TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (node is not null)
        {
            start.ArgumentList.Add("-n");
            start.ArgumentList.Add(node);
        }

        start.ArgumentList.Add("-q");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmqctl could not start");
        using var cts = new CancellationTokenSource(timeout);
        var output = process.StandardOutput.ReadToEndAsync(cts.Token);
        var error = process.StandardError.ReadToEndAsync(cts.Token);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"rabbitmqctl {string.Join(' ', arguments)} took longer than {timeout}");
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>A fresh virtual host for one test (guest may use it); dispose deletes it with its queues.</summary>
    public async Task<VirtualHost> CreateVirtualHostAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        await RunAsync("add_vhost", name);
        await RunAsync("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return new VirtualHost(this, name);
    }

    /// <summary>(queue, ready messages, unacknowledged messages) of a virtual host.</summary>
    public async Task<IReadOnlyList<(string Name, long Ready, long Unacked)>> QueuesAsync(string virtualHost)
    {
        var output = await RunAsync("list_queues", "-p", virtualHost, "--no-table-headers", "name", "messages_ready", "messages_unacknowledged");
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t', StringSplitOptions.TrimEntries))
            .Where(cells => cells.Length == 3)
            .Select(cells => (cells[0], long.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture), long.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture)))];
    }
}

public sealed class VirtualHost(RabbitMqCtl ctl, string name) : IAsyncDisposable
{
    public string Name { get; } = name;

    public string Uri(int port) => $"amqp://guest:guest@127.0.0.1:{port}/{System.Uri.EscapeDataString(Name)}";

    public Task<IReadOnlyList<(string Name, long Ready, long Unacked)>> QueuesAsync() => ctl.QueuesAsync(Name);

    public async ValueTask DisposeAsync() => await ctl.TryRunAsync(TimeSpan.FromSeconds(60), "delete_vhost", Name);
}
