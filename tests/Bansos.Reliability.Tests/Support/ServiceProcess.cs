using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Bansos.Testing;
using Grpc.Net.Client;

namespace Bansos.Reliability.Tests.Support;

/// <summary>
/// A service started as operators start it — <c>dotnet Bansos.&lt;Service&gt;.dll</c> from its build
/// output, configured by environment variables — with its own ports and log file. <see cref="Kill"/>
/// is <c>kill -9</c>; <see cref="StartAgainAsync"/> starts the same configuration again.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private readonly Dictionary<string, string> environment;
    private Process? process;
    private int starts;

    private ServiceProcess(string name, string dll, Dictionary<string, string> environment, string logDirectory)
    {
        Name = name;
        Dll = dll;
        this.environment = environment;
        LogDirectory = logDirectory;
        HttpPort = FreePort();
        GrpcPort = FreePort();
    }

    public string Name { get; }

    public string Dll { get; }

    public string LogDirectory { get; }

    public int HttpPort { get; }

    public int GrpcPort { get; }

    public Uri GrpcAddress => new($"http://127.0.0.1:{GrpcPort}");

    public string LogFile => Path.Combine(LogDirectory, $"{Name}-{starts}.log");

    /// <summary>Starts the service and waits (bounded) until /readyz answers 200.</summary>
    public static async Task<ServiceProcess> StartAsync(string name, IReadOnlyDictionary<string, string> settings, string logDirectory)
    {
        var dll = RepositoryPaths.ServiceDll(name);
        var service = new ServiceProcess(name, dll, new Dictionary<string, string>(settings), logDirectory);
        await service.StartAgainAsync();
        return service;
    }

    public async Task StartAgainAsync()
    {
        if (process is { HasExited: false })
        {
            throw new InvalidOperationException($"{Name} is still running.");
        }

        starts++;
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in TestTokens.Settings())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value; // trusts the tokens of TestTokens
        }

        start.Environment["DOTNET_gcServer"] = "0";               // five processes on two cores in CI
        start.Environment["MALLOC_ARENA_MAX"] = "2";
        start.Environment["Bansos__Ports__Http"] = HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Bansos__Ports__Grpc"] = GrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var log = new StreamWriter(LogFile, append: false) { AutoFlush = true };
        var started = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Dll}");
        started.OutputDataReceived += (_, e) => Write(log, e.Data);
        started.ErrorDataReceived += (_, e) => Write(log, e.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        started.EnableRaisingEvents = true;
        started.Exited += (_, _) => { lock (log) { log.Dispose(); } };
        process = started;
        await WaitReadyAsync();
    }

    /// <summary>kill -9: no shutdown hook runs, nothing is flushed.</summary>
    public void Kill()
    {
        if (process is { HasExited: false } running)
        {
            running.Kill(entireProcessTree: true); // SIGKILL on Linux
            running.WaitForExit(10_000);
        }
    }

    public GrpcChannel Channel(string token) => GrpcChannel.ForAddress(GrpcAddress, new GrpcChannelOptions
    {
        HttpHandler = new BearerTokenHandler(token, new SocketsHttpHandler()),
    });

    /// <summary>The text of /readyz (Healthy, Degraded, Unhealthy).</summary>
    public async Task<string> ReadinessAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{HttpPort}/readyz"));
        return await response.Content.ReadAsStringAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        process?.Dispose();
        await Task.CompletedTask;
    }

    public override string ToString() => $"{Name} (log {LogFile})";

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {process.ExitCode} during start-up; see {LogFile}:\n{Tail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{HttpPort}/readyz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} was not ready within {ReadyTimeout}; see {LogFile}:\n{Tail()}");
    }

    private string Tail()
    {
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var lines = reader.ReadToEnd().Split('\n');
            return string.Join('\n', lines.TakeLast(15));
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
