namespace Bansos.Reliability.Tests.Support;

/// <summary>
/// A RabbitMQ node of the fault tests' own (node bansos-fault, AMQP on 5673, distribution on 25673,
/// its own data and log folders, no plugins), which they may stop and start: the shared broker on
/// 5672 is never touched. Stopping is <c>rabbitmqctl stop_app</c> — the AMQP port closes and every
/// connection drops, as when the broker dies — and <see cref="StartAsync"/> brings it back.
/// </summary>
public sealed class FaultBroker : IAsyncDisposable
{
    public const int Port = 5673;
    private const string Node = "bansos-fault@localhost";
    private readonly string baseDirectory = Path.Combine(Path.GetTempPath(), "bansos-fault-broker");
    private readonly RabbitMqCtl ctl;
    private readonly Dictionary<string, string> environment;

    private FaultBroker()
    {
        environment = new Dictionary<string, string>
        {
            ["RABBITMQ_NODENAME"] = Node,
            ["RABBITMQ_NODE_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = "25673",
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(baseDirectory, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(baseDirectory, "log"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(baseDirectory, "enabled_plugins"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(baseDirectory, "pid"),
        };
        ctl = new RabbitMqCtl(Node, environment);
    }

    public RabbitMqCtl Ctl => ctl;

    /// <summary>Starts the node (or finds it running from an earlier, interrupted run).</summary>
    public static async Task<FaultBroker> StartNodeAsync()
    {
        var broker = new FaultBroker();
        if ((await broker.ctl.TryRunAsync(TimeSpan.FromSeconds(20), "status")).Code == 0)
        {
            await broker.StartAsync();
            return broker;
        }

        Directory.CreateDirectory(Path.Combine(broker.baseDirectory, "mnesia"));
        Directory.CreateDirectory(Path.Combine(broker.baseDirectory, "log"));
        await File.WriteAllTextAsync(Path.Combine(broker.baseDirectory, "enabled_plugins"), "[].\n");
        // The server drops to the rabbitmq user when started as root: it must own its folders.
        await Run("chown", "-R", "rabbitmq:rabbitmq", broker.baseDirectory);
        var start = new System.Diagnostics.ProcessStartInfo("rabbitmq-server") { UseShellExecute = false };
        start.ArgumentList.Add("-detached");
        foreach (var (key, value) in broker.environment)
        {
            start.Environment[key] = value;
        }

        using (var server = System.Diagnostics.Process.Start(start)!)
        {
            await server.WaitForExitAsync();
        }

        await broker.ctl.RunAsync("wait", broker.environment["RABBITMQ_PID_FILE"], "--timeout", "60");
        return broker;
    }

    public Task StopAsync() => ctl.RunAsync("stop_app");

    public async Task StartAsync()
    {
        await ctl.RunAsync("start_app");
        await ctl.RunAsync("await_startup", "--timeout", "60");
    }

    public async ValueTask DisposeAsync() => await ctl.TryRunAsync(TimeSpan.FromSeconds(60), "stop");

    private static async Task Run(string file, params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(file, arguments);
        await process.WaitForExitAsync();
    }
}
