using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using Bansos.Payout.Data;
using Bansos.Protos.Payout.V1;
using Bansos.ServiceDefaults.Auth;
using Bansos.ServiceDefaults.Storage;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Bansos.Benchmarks.Payout;

/// <summary>
/// Card-present payouts against the real payout service and database: an in-process gRPC client
/// over h2c on loopback drives BeginPayout + AuthorizePayout pairs with real cryptograms from many
/// simulated cards, (1) flat out with N concurrent terminals, (2) open-loop at a fixed rate, and
/// measures a no-op RPC (Ping: same auth, no data) in the same run as the transport's ceiling.
/// Durable commits only: SQLite synchronous=FULL, PostgreSQL fsync on.
/// </summary>
public sealed class PayoutBenchmark : IBenchmark
{
    private const double TargetThroughput = 2000;
    private const double TargetP99AtRateMs = 25;
    private const long Amount = 1_000;

    public string Name => "payout";

    public string Description =>
        "BeginPayout+AuthorizePayout pairs with real cryptograms against the payout service (SQLite, PostgreSQL); baseline a no-op Ping. " +
        "Args: [--db sqlite|postgres|both] [--seconds 20] [--concurrency 64] [--rate 500] [--rate-seconds 20] [--cards 4000] " +
        "[--terminals 16] [--group-commit auto|on|off] [--relay [--rabbitmq URI]] [--postgres CONNSTR] [--trace-client] [--warmup 15]";

    public async Task<int> RunAsync(string[] args)
    {
        var db = Option(args, "--db") ?? "both";
        var seconds = IntOption(args, "--seconds", 20);
        var concurrency = IntOption(args, "--concurrency", 64);
        var rate = IntOption(args, "--rate", 500);
        var rateSeconds = IntOption(args, "--rate-seconds", 20);
        var cards = IntOption(args, "--cards", 4000);
        warmup = IntOption(args, "--warmup", 15);
        var terminals = IntOption(args, "--terminals", 16);
        var groupCommit = (Option(args, "--group-commit") ?? "auto") switch { "on" => true, "off" => (bool?)false, _ => null };
        var relay = args.Contains("--relay");
        traceClient = args.Contains("--trace-client");
        var rabbitMq = Option(args, "--rabbitmq") ?? "amqp://guest:guest@127.0.0.1:5672/";
        var postgres = Option(args, "--postgres")
            ?? (Environment.GetEnvironmentVariable("BANSOS_TEST_POSTGRES") is { Length: > 0 } pg ? pg : "Host=127.0.0.1;Username=bansos;Password=bansos");
        if (db is not ("sqlite" or "postgres" or "both") || seconds < 1 || concurrency < 1 || rate < 1 || cards < concurrency)
        {
            Console.Error.WriteLine($"Bad arguments. {Description}");
            return 2;
        }

        Console.WriteLine($"payout benchmark: {seconds} s flat out with {concurrency} concurrent terminals' worth of requests, then {rateSeconds} s at {rate}/s; {cards} cards, {terminals} terminals, relay {(relay ? "on" : "off")}, client spans {(traceClient ? "on" : "off")}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; client and service in one process");
        var ok = true;
        foreach (var dialect in db == "both" ? [DbDialect.Sqlite, DbDialect.Postgres] : new[] { db == "postgres" ? DbDialect.Postgres : DbDialect.Sqlite })
        {
            ok &= await RunOneAsync(dialect, postgres, relay ? rabbitMq : null, groupCommit, cards, terminals, seconds, concurrency, rate, rateSeconds);
        }

        return ok ? 0 : 1;
    }

    private static async Task<bool> RunOneAsync(DbDialect dialect, string postgres, string? relayTo, bool? groupCommit, int cardCount, int terminalCount,
        int seconds, int concurrency, int rate, int rateSeconds)
    {
        Console.WriteLine();
        await using var host = await PayoutBenchmarkHost.StartAsync(dialect, postgres, relayTo, groupCommit, cardCount, terminalCount);
        MeasurePostgres(host.PostgresDatabase);
        var batcher = host.Services.GetRequiredService<Bansos.Payout.Application.PayoutAuthorizations>();
        Console.WriteLine($"== {dialect}: {host.Durability}; authorizations through {nameof(Bansos.Payout.Application.PayoutAuthorizations)} on {host.Services.GetRequiredService<IAuthorizationStore>().GetType().Name}");

        // One channel (one HTTP/2 connection) per terminal, as enrolled agents each hold their own:
        // a single shared connection would serialise every call through one frame loop.
        var channels = host.TerminalIds.Select(_ => GrpcChannel.ForAddress(host.GrpcAddress, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan },
        })).ToArray();
        var clients = channels.Select(channel => new PayoutTerminalService.PayoutTerminalServiceClient(channel)).ToArray();
        var headers = host.TerminalIds.Select(id => new Metadata
        {
            { "Authorization", "Bearer " + host.Tokens.Issue($"terminal-{id}", [BansosRoles.Terminal], BansosAuthOptions.MaxTerminalLifetime,
                new Dictionary<string, object> { [BansosClaims.TerminalId] = id.ToString(CultureInfo.InvariantCulture) }) },
        }).ToArray();
        var cards = host.Cards;

        // Warm-up: connection pools, caches, and the JIT: tiered compilation (with dynamic PGO) goes on
        // recompiling hot methods for many seconds under load, and its thread's CPU would count as the
        // payouts' (a 2 s warm-up left a quarter of the process's CPU in the JIT during the first run).
        await ClosedLoopAsync(TimeSpan.FromSeconds(warmup), concurrency, (worker, _) => PairAsync(clients, host, headers, cards, worker, concurrency));
        await ClosedLoopAsync(TimeSpan.FromSeconds(Math.Max(1, warmup / 3)), concurrency, (worker, _) => PingAsync(clients[worker % clients.Length], headers[worker % headers.Length]));

        var ping = await ClosedLoopAsync(TimeSpan.FromSeconds(seconds), concurrency, (worker, _) => PingAsync(clients[worker % clients.Length], headers[worker % headers.Length]));
        var batchesBefore = batcher.Batches;
        var itemsBefore = batcher.Items;
        var fallbacksBefore = batcher.Fallbacks;
        var reads = host.Services.GetService<PostgresCardViewBatcher>();
        var (readBatchesBefore, readItemsBefore) = (reads?.Batches ?? 0, reads?.Items ?? 0);
        var pairs = await ClosedLoopAsync(TimeSpan.FromSeconds(seconds), concurrency, (worker, _) => PairAsync(clients, host, headers, cards, worker, concurrency));
        var (batchesNow, itemsNow) = (batcher.Batches, batcher.Items);
        var batchNote = batchesNow > batchesBefore
            ? string.Create(CultureInfo.InvariantCulture, $"; mean group commit {(double)(itemsNow - itemsBefore) / (batchesNow - batchesBefore):F1} payouts")
              + $", {batcher.Fallbacks - fallbacksBefore} batches redone one by one"
            : "";
        if (reads is not null && reads.Batches > readBatchesBefore)
        {
            batchNote += string.Create(CultureInfo.InvariantCulture,
                $"; {(double)(reads.Items - readItemsBefore) / (reads.Batches - readBatchesBefore):F1} BeginPayout reads per query");
        }

        var backlog = relayTo is not null ? $"; outbox backlog after it {await host.OutboxBacklogAsync()}" : "";
        (batchesBefore, itemsBefore) = (batcher.Batches, batcher.Items);
        (readBatchesBefore, readItemsBefore) = (reads?.Batches ?? 0, reads?.Items ?? 0);
        var atRate = await OpenLoopAsync(TimeSpan.FromSeconds(rateSeconds), rate, i => PairAsync(clients, host, headers, cards, i, int.MaxValue));
        var rateNote = string.Create(CultureInfo.InvariantCulture,
            $"; mean group commit {(double)(batcher.Items - itemsBefore) / Math.Max(1, batcher.Batches - batchesBefore):F1} payouts");
        if (reads is not null)
        {
            rateNote += string.Create(CultureInfo.InvariantCulture,
                $"; {(double)(reads.Items - readItemsBefore) / Math.Max(1, reads.Batches - readBatchesBefore):F1} BeginPayout reads per query");
        }
        // The same RPC rate of no-op calls: what the transport alone costs per call when calls come one at a time.
        var pingAtRate = await OpenLoopAsync(TimeSpan.FromSeconds(rateSeconds), 2 * rate, i => PingAsync(clients[i % clients.Length], headers[i % headers.Length]));

        var ratio = 2 * pairs.PerSecond / ping.PerSecond;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ceiling   Ping (no-op RPC)           {ping.PerSecond,8:F0} calls/s  {ping.Latency}"));
        Console.WriteLine($"          {ping.Cpu}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"flat out  Begin+Authorize pairs      {pairs.PerSecond,8:F0} authorizations/s  {pairs.Latency}{batchNote}{backlog}"));
        Console.WriteLine($"          {pairs.Cpu}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"          pairs use {ratio:P0} of the ceiling's RPC rate (2 RPCs per authorization); declined or failed {pairs.Failures}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"at {rate}/s  Begin+Authorize pairs      {atRate.PerSecond,8:F0} authorizations/s  {atRate.Latency}{rateNote}; declined or failed {atRate.Failures}"));
        Console.WriteLine($"          {atRate.Cpu}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"at {2 * rate}/s Ping (no-op RPC)          {pingAtRate.PerSecond,8:F0} calls/s  {pingAtRate.Latency}"));
        Console.WriteLine($"          {pingAtRate.Cpu}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"          CPU per payout at {rate}/s: {atRate.TotalCpuMs / pairs.TotalCpuMs:F1} x flat out; two no-op RPCs at that rate cost {2 * pingAtRate.TotalCpuMs:F3} ms of its {atRate.TotalCpuMs:F3} ms"));
        var met = pairs.PerSecond >= TargetThroughput && atRate.Latency.P99 <= TargetP99AtRateMs && pairs.Failures == 0 && atRate.Failures == 0;
        if (Interlocked.Exchange(ref firstError, null) is { } error)
        {
            Console.WriteLine($"          first failure: {error}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"target: >= {TargetThroughput} authorizations/s and p99 <= {TargetP99AtRateMs} ms at {rate}/s: {(met ? "met" : "NOT met")}"));
        foreach (var channel in channels)
        {
            channel.Dispose();
        }

        return met;
    }

    private static string? firstError;

    private static int warmup = 15;

    /// <summary>
    /// Whether the in-process client's calls are traced too. Off by default: the terminals' agent
    /// has no telemetry, so spans of the benchmark's own client would be CPU no deployment spends;
    /// the service's server spans, metrics and propagation stay as configured either way.
    /// </summary>
    private static bool traceClient;

    /// <summary>Keeps the client's HttpClient spans out (OpenTelemetry's suppression is per async flow: the service's spans are untouched).</summary>
    private static IDisposable? ClientTracing() => traceClient ? null : OpenTelemetry.SuppressInstrumentationScope.Begin();

    /// <summary>One payout as a terminal does it: BeginPayout, the card's cryptogram, AuthorizePayout. False when declined or failed.</summary>
    internal static async Task<bool> PairAsync(PayoutTerminalService.PayoutTerminalServiceClient[] clients, PayoutBenchmarkHost host, Metadata[] headers,
        IReadOnlyList<BenchmarkCard> cards, long sequence, int stride)
    {
        try
        {
            return await PairCoreAsync(clients, host, headers, cards, sequence, stride);
        }
        catch (RpcException e)
        {
            Interlocked.CompareExchange(ref firstError, e.Status.ToString(), null);
            return false;
        }
    }

    private static async Task<bool> PairCoreAsync(PayoutTerminalService.PayoutTerminalServiceClient[] clients, PayoutBenchmarkHost host, Metadata[] headers,
        IReadOnlyList<BenchmarkCard> cards, long sequence, int stride)
    {
        // A card is only ever in one reader: worker w uses cards w, w + stride, …; the open loop walks all cards in turn.
        var card = stride == int.MaxValue ? cards[(int)(sequence % cards.Count)] : NextCard(cards, (int)sequence, stride);
        var terminal = (int)(sequence % headers.Length);
        var client = clients[terminal];
        var begin = await client.BeginPayoutAsync(new BeginPayoutRequest { CardNumber = card.Digits }, headers[terminal]);
        var (atc, cryptogram) = card.Generate(Amount, host.PeriodId, begin.TerminalId, begin.Challenge);
        var response = await client.AuthorizePayoutAsync(new AuthorizePayoutRequest
        {
            ChallengeId = begin.ChallengeId,
            PeriodId = host.PeriodId,
            Amount = Amount,
            Atc = atc,
            Cryptogram = cryptogram,
            IdempotencyKey = Guid.NewGuid().ToString("N"),
        }, headers[terminal]);
        return response.Result == PayoutResult.Approved;
    }

    private static readonly ConcurrentDictionary<int, int> Turns = new();

    private static BenchmarkCard NextCard(IReadOnlyList<BenchmarkCard> cards, int worker, int stride)
    {
        var perWorker = cards.Count / stride;
        var turn = Turns.AddOrUpdate(worker, 0, (_, t) => t + 1);
        return cards[worker + (stride * (turn % perWorker))];
    }

    private static async Task<bool> PingAsync(PayoutTerminalService.PayoutTerminalServiceClient client, Metadata header)
    {
        await client.PingAsync(new PingRequest(), header);
        return true;
    }

    /// <summary>
    /// Calls per second, latencies, declines, and the CPU time one call cost: this process (client
    /// and service) and, on PostgreSQL, the server's processes. CPU per call is what a shared or
    /// busy machine distorts least; 2 cores ÷ CPU per call bounds the rate on this machine alone.
    /// </summary>
    internal sealed record Run(double PerSecond, LatencySummary Latency, long Failures, double ProcessCpuMs, double ServerCpuMs, double KernelCpuMs = 0,
        double ServerBackgroundCpuMs = 0)
    {
        /// <summary>This process and postgres together.</summary>
        public double TotalCpuMs => ProcessCpuMs + ServerCpuMs;

        /// <summary>
        /// The kernel's share (system time: fsync, futex and socket calls) says whether commits or wake-ups cost it;
        /// how busy the machine's cores were says whether a rate was bound by CPU or by something that waits.
        /// </summary>
        public string Cpu => string.Create(CultureInfo.InvariantCulture,
            $"CPU per call {ProcessCpuMs:F3} ms in-process ({KernelCpuMs:F3} ms of it in the kernel){(ServerCpuMs > 0 ? $" + {ServerCpuMs:F3} ms postgres ({ServerBackgroundCpuMs:F3} ms of it background: autovacuum, checkpointer, WAL writer)" : "")}; {Busy:P0} of {Environment.ProcessorCount} cores busy");

        /// <summary>The share of all cores this process and postgres used during the run.</summary>
        public double Busy => PerSecond * TotalCpuMs / 1000 / Environment.ProcessorCount;
    }

    /// <summary>
    /// CPU seconds used so far by this process and by the postgres processes that serve this run
    /// (Linux /proc; 0 elsewhere): backends of this run's database and the shared background
    /// processes (WAL writer, checkpointer, …). Other databases' backends are left out: other
    /// engineers' tests and benchmarks share the server, and a SQLite run counts none. Background is
    /// the part no connection of this run asked for (this database's autovacuum, the shared
    /// processes): work a phase may inherit from the one before it, so it is reported apart.
    /// </summary>
    private static CpuReading CpuSeconds()
    {
        using var self = Process.GetCurrentProcess();
        var process = self.TotalProcessorTime.TotalSeconds;
        var kernel = self.PrivilegedProcessorTime.TotalSeconds;
        double postgres = 0;
        double background = 0;
        // A SQLite run has no postgres of its own: the shared server's background is not its CPU.
        if (OperatingSystem.IsLinux() && measuredDatabase is { } database)
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                try
                {
                    if (!File.Exists(Path.Combine(dir, "comm")) || File.ReadAllText(Path.Combine(dir, "comm")).Trim() != "postgres" ||
                        ShareOf(File.ReadAllText(Path.Combine(dir, "cmdline")), database) is not { } share)
                    {
                        continue;
                    }

                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    var seconds = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
                    postgres += seconds;
                    background += share == PostgresShare.Background ? seconds : 0;
                }
                catch (IOException)
                {
                    // the process ended meanwhile
                }
            }
        }

        return new CpuReading(process, postgres, kernel, background);
    }

    private readonly record struct CpuReading(double Process, double Postgres, double Kernel, double PostgresBackground);

    /// <summary>The database whose backends count (set while a PostgreSQL run is on).</summary>
    private static string? measuredDatabase;

    /// <summary>Which database's backends count as this run's PostgreSQL CPU (the gateway benchmark's payout host's too).</summary>
    internal static void MeasurePostgres(string? database) => measuredDatabase = database;

    private static readonly string[] SharedPostgresProcesses =
        ["checkpointer", "background writer", "walwriter", "autovacuum launcher", "logical replication launcher", "bin/postgres"];

    private enum PostgresShare { Connections, Background }

    /// <summary>
    /// Whose a postgres process is: a backend of this run's connections, background work (this
    /// database's autovacuum, the shared processes), or — null — another database's.
    /// </summary>
    private static PostgresShare? ShareOf(string cmdline, string database)
    {
        var ours = cmdline.Contains(database, StringComparison.Ordinal);
        if (cmdline.Contains("autovacuum worker", StringComparison.Ordinal))
        {
            return ours ? PostgresShare.Background : null;
        }

        if (SharedPostgresProcesses.Any(name => cmdline.Contains(name, StringComparison.Ordinal)))
        {
            return PostgresShare.Background;
        }

        return ours ? PostgresShare.Connections : null;
    }

    /// <summary>N workers, each starting its next call when the previous one returns.</summary>
    internal static async Task<Run> ClosedLoopAsync(TimeSpan duration, int workers, Func<int, long, Task<bool>> call)
    {
        var latencies = new ConcurrentBag<double>();
        long failures = 0;
        var stop = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var cpu = CpuSeconds();
        var started = Stopwatch.GetTimestamp();
        var tasks = Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            using var client = ClientTracing();
            long n = 0;
            while (Stopwatch.GetTimestamp() < stop)
            {
                var start = Stopwatch.GetTimestamp();
                if (!await call(worker, n++))
                {
                    Interlocked.Increment(ref failures);
                }

                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return Finish(latencies, failures, elapsed, cpu);
    }

    /// <summary>
    /// Calls started on a fixed schedule whatever the answers do; latency counts from the scheduled
    /// start, so a stall shows up in the percentiles instead of quietly slowing the load.
    /// </summary>
    private static async Task<Run> OpenLoopAsync(TimeSpan duration, int perSecond, Func<long, Task<bool>> call)
    {
        var latencies = new ConcurrentBag<double>();
        long failures = 0;
        var total = (long)(duration.TotalSeconds * perSecond);
        var tasks = new List<Task>((int)total);
        var cpu = CpuSeconds();
        var origin = Stopwatch.GetTimestamp();
        for (long i = 0; i < total; i++)
        {
            var due = origin + (long)(i * (double)Stopwatch.Frequency / perSecond);
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > Stopwatch.Frequency / 1000)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
            }

            var sequence = i;
            tasks.Add(Task.Run(async () =>
            {
                using var client = ClientTracing();
                if (!await call(sequence))
                {
                    Interlocked.Increment(ref failures);
                }

                latencies.Add((Stopwatch.GetTimestamp() - due) * 1000.0 / Stopwatch.Frequency);
            }));
        }

        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(origin).TotalSeconds;
        return Finish(latencies, failures, elapsed, cpu);
    }

    private static Run Finish(ConcurrentBag<double> latencies, long failures, double elapsedSeconds, CpuReading cpuBefore)
    {
        var cpu = CpuSeconds();
        var n = latencies.Count;
        return new Run(n / elapsedSeconds, LatencySummary.From(latencies), failures,
            (cpu.Process - cpuBefore.Process) * 1000 / n, (cpu.Postgres - cpuBefore.Postgres) * 1000 / n, (cpu.Kernel - cpuBefore.Kernel) * 1000 / n,
            (cpu.PostgresBackground - cpuBefore.PostgresBackground) * 1000 / n);
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
