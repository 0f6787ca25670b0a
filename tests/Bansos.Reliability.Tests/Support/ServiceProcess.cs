using System.Net;
using System.Net.Sockets;
using Bansos.Testing;
using Grpc.Net.Client;

namespace Bansos.Reliability.Tests.Support;

/// <summary>
/// A service started as operators start it — <c>dotnet Bansos.&lt;Service&gt;.dll</c> from its build
/// output, configured by environment variables — with its own ports and log file (a
/// <see cref="LoggedProcess"/> per start). <see cref="Kill"/>
/// is <c>kill -9</c>; <see cref="StartAgainAsync"/> starts the same configuration again.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private readonly Dictionary<string, string> environment;
    private LoggedProcess? process;
    private int starts;

    private ServiceProcess(string name, string dll, Dictionary<string, string> environment, string logDirectory)
    {
        Name = name;
        Dll = dll;
        this.environment = environment;
        LogDirectory = logDirectory;
        HttpPort = FreePorts.Next();
        GrpcPort = FreePorts.Next();
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

        if (process is not null)
        {
            await process.DisposeAsync();
        }

        starts++;
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["DOTNET_gcServer"] = "0", // five processes on two cores in CI
            ["MALLOC_ARENA_MAX"] = "2",
            ["Bansos__Ports__Http"] = HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Bansos__Ports__Grpc"] = GrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in TestTokens.Settings())
        {
            variables[key.Replace(":", "__", StringComparison.Ordinal)] = value!; // trusts the tokens of TestTokens
        }

        foreach (var (key, value) in environment)
        {
            variables[key] = value;
        }

        process = LoggedProcess.Start(Name, Dll, [], variables, LogFile);
        await process.WaitReadyAsync(new Uri($"http://127.0.0.1:{HttpPort}/readyz"), ReadyTimeout);
    }

    /// <summary>kill -9: no shutdown hook runs, nothing is flushed.</summary>
    public void Kill() => process?.Kill();

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
        if (process is not null)
        {
            await process.DisposeAsync();
        }
    }

    public override string ToString() => $"{Name} (log {LogFile})";

}
