using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Bansos.Testing;

namespace Bansos.EndToEnd.Tests.Support;

/// <summary>
/// The whole system as real processes on this machine, started once for the test assembly: the
/// registry, payout and complaint services (SQLite in a private temporary data folder; payout with
/// the pilot seed: SEMBAKO-2021-11 open at Rp 200 000, a posko per pilot village), the gateway in
/// front of them (TLS; the services trust only its JWKS), on a RabbitMQ virtual host of the run's
/// own; pcscd with vpcd for the virtual cards (held against other test projects, see
/// <see cref="VirtualReaderLock"/>); and the agent and the card tools as processes run per step.
/// Every process logs to its own file; <see cref="Explain"/> adds their tails to a failure.
/// Started before the first test (so no test's time limit includes it), stopped after the last.
/// </summary>
public sealed class EndToEndStack : IAsyncLifetime
{
    public const string GiriKencana = "17.03.12.2003";
    public const string Urai = "17.03.12.2001";
    public const string AirPetai = "17.03.14.2017";
    public const string PeriodCode = "SEMBAKO-2021-11";

    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(120);
    private readonly Dictionary<string, EnrolledAgent> agents = [];
    private readonly List<LoggedProcess> servers = [];
    private IDisposable? readers;
    private BrokerVirtualHost? vhost;
    private Exception? startFailure;
    private int serial;

    public EndToEndStack()
    {
        Folder = Path.Combine(Path.GetTempPath(), "bansos-e2e", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(Folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Logs = new ProcessLogs(Directory.CreateDirectory(Path.Combine(Folder, "logs")).FullName);
    }

    /// <summary>The run's private folder (0700): data of every service, logs, card files, agent folders.</summary>
    public string Folder { get; }

    public ProcessLogs Logs { get; }

    public string DataDir => Path.Combine(Folder, "data");

    public string ServerCaFile => Path.Combine(DataDir, "gateway", "server-ca.crt");

    public Uri GatewayHttps { get; private set; } = null!;

    public GatewayAdmin Admin { get; private set; } = null!;

    /// <summary>The file holding the admin token for <c>bansos-pcsc</c> (0600; never a command-line argument).</summary>
    public string AdminTokenFile => Path.Combine(Folder, "admin-token");

    /// <summary>
    /// Holds the virtual readers, then starts the stack (bounded by its own waits, outside any
    /// test's time limit). A start that fails is kept and reported by every test's <see cref="RequireAsync"/>.
    /// </summary>
    public async ValueTask InitializeAsync()
    {
        readers = await VirtualReaderLock.AcquireAsync(TimeSpan.FromMinutes(10));
        try
        {
            // Nothing is started without the servers; each test then skips or fails with the reason.
            await RequiresServer.RabbitMqAsync();
            await RequiresServer.PcscdAsync();
        }
        catch (Exception e)
        {
            startFailure = e;
            return;
        }

        try
        {
            await StartAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            startFailure = e;
        }
    }

    /// <summary>
    /// Skips (or under CI=true fails) when RabbitMQ or pcscd/vpcd is unreachable; fails with the
    /// processes' logs when the stack did not start.
    /// </summary>
    public async Task RequireAsync()
    {
        await RequiresServer.RabbitMqAsync();
        await RequiresServer.PcscdAsync();
        if (startFailure is not null)
        {
            throw Explain(startFailure, "starting the stack");
        }
    }

    /// <summary>The failure with what each process logged last.</summary>
    public Exception Explain(Exception failure, string step) =>
        new Xunit.Sdk.XunitException($"End-to-end step failed: {step}\n{failure.Message}\n\nLogs ({Logs.Folder}), last lines of each:{Logs.Tails()}", failure);

    /// <summary>Runs a test's steps; a failure carries the processes' log tails.</summary>
    public async Task StepsAsync(Func<Action<string>, Task> steps)
    {
        var step = "(start)";
        try
        {
            await steps(name => step = name);
        }
        catch (Exception e)
        {
            throw Explain(e, step);
        }
    }

    /// <summary>What every child process gets: the test's environment, quieter runtimes, no inherited secrets.</summary>
    public Dictionary<string, string> Environment()
    {
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_gcServer"] = "0",                      // many processes on two cores in CI
            ["MALLOC_ARENA_MAX"] = "2",
            ["DOTNET_NOLOGO"] = "1",
            ["BANSOS_AGENT_TOKEN"] = "",
            ["BANSOS_AGENT_TOKEN_FILE"] = "",
            ["BANSOS_ADMIN_TOKEN"] = "",
        };
        return environment;
    }

    public Task<ToolRun> RunAsync(string name, string dll, IReadOnlyList<string> arguments, string input, CancellationToken ct,
        IReadOnlyDictionary<string, string>? extra = null)
    {
        var environment = Environment();
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return ToolRun.RunAsync(name, dll, arguments, environment, input, Logs, ct);
    }

    /// <summary>
    /// Imports one household (a head of family, SEMBAKO) through the gateway's CSV upload, finds it,
    /// and has the registry issue its aid card (REST, admin).
    /// </summary>
    public async Task<Household> RegisterHouseholdAsync(string villageCode, string headName, CancellationToken ct)
    {
        var number = Interlocked.Increment(ref serial);
        var district = villageCode.Replace(".", "", StringComparison.Ordinal)[..6];
        var kk = $"{district}150221{7000 + number:D4}";
        var nik = $"{district}010170{7000 + number:D4}";   // a man born 1970-01-01
        var csv = "kk,nik,nama,hubungan,jenis_kelamin,tanggal_lahir,kode_desa,alamat,rt,rw,desil,program\n" +
                  $"{kk},{nik},{headName},KEPALA,L,1970-01-01,{villageCode},Jl. Uji {number},001,002,3,SEMBAKO\n";
        var imported = await Admin.PostCsvAsync($"/api/v1/registry/imports?fileName=e2e-{number}.csv", csv, ct);
        Assert.True(GatewayAdmin.Number(imported, "householdsCreated") == 1, $"the import of {headName} did not create one household: {imported}");

        var found = await Admin.GetAsync($"/api/v1/registry/households?villageCode={villageCode}&namePrefix={Uri.EscapeDataString(headName)}", ct);
        var household = Assert.Single(found.GetProperty("households").EnumerateArray());
        var id = household.GetProperty("householdId").GetString()!;
        var card = await Admin.PostAsync($"/api/v1/registry/households/{id}/cards", new { }, ct);
        var reference = $"KPM-{villageCode.Replace(".", "", StringComparison.Ordinal)}-{number:D4}";
        return new Household(id, headName, villageCode, reference, card.GetProperty("cardNumber").GetString()!);
    }

    /// <summary>A blank virtual card file (<c>bansos-vcard new</c>) for <paramref name="name"/>, 0600 in the run's folder.</summary>
    public async Task<VirtualCardInReader> NewCardAsync(string name, CancellationToken ct)
    {
        var file = Path.Combine(Folder, "cards", name + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var created = await RunAsync("bansos-vcard-new", Binaries.VirtualCard, ["new", "--state", file], "", ct);
        Assert.True(created.ExitCode == 0, created.ToString());
        return new VirtualCardInReader(this, file);
    }

    /// <summary>
    /// <c>bansos-pcsc personalise</c> of the blank card in the reader through the gateway (TLS, its CA
    /// pinned; K_card from IssuerKeyService with the admin token from a file), the card's record and
    /// PIN on standard input. The registry's CardIssued reaches payout through RabbitMQ a moment after the card is
    /// issued: until then payout says the card is not received yet, and the tool is run again (bounded).
    /// </summary>
    public async Task<ToolRun> PersonaliseAsync(Household household, string pin, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        // The card's record on stdin: a card number, a name and a PIN are never a process's arguments.
        var record = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["cardNumber"] = household.CardNumber,
            ["householdReference"] = household.Reference,
            ["holderName"] = household.HeadName.ToUpperInvariant(),
            ["expiry"] = "301231",
            ["pin"] = pin,
        });
        while (true)
        {
            var run = await RunAsync("bansos-pcsc-personalise", Binaries.PcScTool,
            [
                "personalise", "--reader", VirtualCardInReader.ReaderName, "--wait", "15", "--from", "-",
                "--payout", GatewayHttps.ToString(), "--gateway-ca", ServerCaFile,
            ], record, ct, new Dictionary<string, string> { ["BANSOS_ADMIN_TOKEN_FILE"] = AdminTokenFile });
            if (run.ExitCode == 0 || !run.Error.Contains("belum diterima", StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                return run;
            }

            await Task.Delay(500, ct);
        }
    }

    /// <summary>
    /// An agent enrolled at the pilot posko of <paramref name="villageCode"/>: the admin registers a
    /// terminal there (REST), gets a one-time code from the gateway, and <c>bansos-agent enroll</c>
    /// trades it (standard input) and a CSR for the terminal's certificate. One per village per run.
    /// </summary>
    public async Task<EnrolledAgent> AgentAtAsync(string villageCode, CancellationToken ct)
    {
        lock (agents)
        {
            if (agents.TryGetValue(villageCode, out var known))
            {
                return known;
            }
        }

        var point = await SeededPointAsync(villageCode, ct);
        var pointId = GatewayAdmin.Id(point.GetProperty("pointId"));
        var pointName = point.GetProperty("name").GetString()!;
        var terminal = await Admin.PostAsync($"/api/v1/payout/points/{pointId}/terminals", new { label = "Kasir E2E" }, ct);
        var terminalId = GatewayAdmin.Id(terminal.GetProperty("terminalId"));
        var code = (await Admin.PostAsync($"/api/v1/gateway/terminals/{terminalId}/enrolment-codes", new { }, ct)).GetProperty("code").GetString()!;

        var data = Path.Combine(Folder, "agent-" + villageCode.Replace(".", "", StringComparison.Ordinal));
        var enrolled = await RunAsync("bansos-agent-enroll", Binaries.Agent,
            ["enroll", "--json", "--data", data, "--gateway", GatewayHttps.ToString(), "--gateway-ca", ServerCaFile, "--point", pointName], code + "\n", ct);
        Assert.True(enrolled.ExitCode == 0, enrolled.ToString());
        Assert.Equal("enrolled", enrolled.Json.GetProperty("outcome").GetString());
        Assert.Equal(terminalId, enrolled.Json.GetProperty("terminalId").GetInt64());

        var agent = new EnrolledAgent(this, data, terminalId, pointId, pointName);
        lock (agents)
        {
            agents[villageCode] = agent;
        }

        return agent;
    }

    /// <summary>Waits (bounded) until <paramref name="condition"/> gives a value; fails naming <paramref name="what"/>.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> condition, TimeSpan timeout, string what, CancellationToken ct)
        where T : struct
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await condition() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not within {timeout.TotalSeconds:0} s: {what}");
            }

            await Task.Delay(250, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Admin?.Dispose();
        // The gateway first (no new calls), then the services together: each gets SIGTERM and 10 s.
        var gateway = servers.FirstOrDefault(s => s.Name == "gateway");
        if (gateway is not null)
        {
            await gateway.DisposeAsync();
        }

        await Task.WhenAll(servers.Where(s => s != gateway).Select(s => s.DisposeAsync().AsTask()));

        if (vhost is not null)
        {
            await vhost.DisposeAsync();
        }

        readers?.Dispose();
        if (System.Environment.GetEnvironmentVariable("BANSOS_KEEP_LOGS") is not "1")
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private async Task StartAsync(CancellationToken ct)
    {
        vhost = await BrokerVirtualHost.CreateAsync("bansos-e2e");
        int gatewayHttps = FreePorts.Next(), gatewayHttp = FreePorts.Next();
        GatewayHttps = new Uri($"https://127.0.0.1:{gatewayHttps}");
        var jwks = $"http://127.0.0.1:{gatewayHttp}/.well-known/jwks.json";
        var ports = new Dictionary<string, (int Http, int Grpc)>
        {
            ["payout"] = (FreePorts.Next(), FreePorts.Next()),
            ["complaint"] = (FreePorts.Next(), FreePorts.Next()),
            ["registry"] = (FreePorts.Next(), FreePorts.Next()),
        };

        // As run-pilot.sh starts them (loopback only, one data folder, tokens checked with the
        // gateway's JWKS), but on ports and a virtual host of this run's own; the registry without
        // its 707 pilot households: the test imports its own through the gateway.
        var services = ports.Select(service =>
        {
            var environment = Environment();
            environment["ConnectionStrings__rabbitmq"] = vhost.Uri;
            environment["Bansos__DataDir"] = DataDir;
            environment["Bansos__Ports__Address"] = "127.0.0.1";
            environment["Bansos__Ports__Http"] = Port(service.Value.Http);
            environment["Bansos__Ports__Grpc"] = Port(service.Value.Grpc);
            environment["Bansos__Auth__JwksUri"] = jwks;
            environment["Bansos__Pilot__Seed"] = service.Key == "payout" ? "true" : "false";
            environment["Logging__LogLevel__Default"] = "Warning";
            environment["Logging__LogLevel__Bansos"] = "Information";
            var dll = service.Key switch { "payout" => Binaries.Payout, "complaint" => Binaries.Complaint, _ => Binaries.Registry };
            var process = LoggedProcess.Start(service.Key, dll, [], environment, Logs.NewFile(service.Key));
            servers.Add(process);
            return process.WaitReadyAsync(new Uri($"http://127.0.0.1:{service.Value.Http}/readyz"), ReadyWithin);
        }).ToList();
        await Task.WhenAll(services);

        var gatewayEnvironment = Environment();
        gatewayEnvironment["Bansos__DataDir"] = DataDir;
        gatewayEnvironment["Bansos__Gateway__HttpsPort"] = Port(gatewayHttps);
        gatewayEnvironment["Bansos__Gateway__HttpPort"] = Port(gatewayHttp);
        foreach (var (name, (http, grpc)) in ports)
        {
            gatewayEnvironment[$"Bansos__Gateway__Services__{name}__Http"] = $"http://127.0.0.1:{http}";
            gatewayEnvironment[$"Bansos__Gateway__Services__{name}__Grpc"] = $"http://127.0.0.1:{grpc}";
        }

        gatewayEnvironment["Logging__LogLevel__Default"] = "Warning";
        var gateway = LoggedProcess.Start("gateway", Binaries.Gateway, [], gatewayEnvironment, Logs.NewFile("gateway"));
        servers.Add(gateway);
        await gateway.WaitReadyAsync(new Uri($"http://127.0.0.1:{gatewayHttp}/readyz"), ReadyWithin);

        // The first admin's generated password, as run-pilot.sh reads it: an owner-only file.
        var passwordFile = Path.Combine(DataDir, "gateway", "initial-admin-password");
        var lines = await File.ReadAllLinesAsync(passwordFile, ct);
        Admin = await GatewayAdmin.SignInAsync(GatewayHttps, ServerCaFile, lines[0], lines[1], ct);
        await File.WriteAllTextAsync(AdminTokenFile, Admin.Token, ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(AdminTokenFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>The posko payout's pilot seed made for <paramref name="villageCode"/> (bounded wait: the seed runs beside start-up).</summary>
    private async Task<System.Text.Json.JsonElement> SeededPointAsync(string villageCode, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var points = await Admin.GetAsync($"/api/v1/payout/points?villageCode={villageCode}", ct);
            if (points.TryGetProperty("points", out var list) &&
                list.EnumerateArray().FirstOrDefault(p => p.GetProperty("villageCode").GetString() == villageCode) is { ValueKind: System.Text.Json.JsonValueKind.Object } point)
            {
                return point;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"payout's pilot seed made no posko in {villageCode} within 60 s: {points}");
            }

            await Task.Delay(250, ct);
        }
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

}
