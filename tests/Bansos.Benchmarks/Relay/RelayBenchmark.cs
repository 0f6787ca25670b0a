using System.Diagnostics;
using System.Globalization;
using Bansos.ServiceDefaults;
using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Storage;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bansos.Benchmarks.Relay;

/// <summary>
/// The outbox relay draining a backlog: N events committed at once into the outbox (SQLite or
/// PostgreSQL, durable settings), then the time until the relay has published every one to the real
/// RabbitMQ with publisher confirms and marked it sent. The events land in a durable queue of the
/// benchmark's own (no consumer), so each confirm means the broker has the persistent message in a
/// queue, as in production. Baseline in the same run: one publish in flight with the old batch size
/// (the relay as it was). Reported: events/s and this process's CPU time per 1 000 events.
/// </summary>
public sealed class RelayBenchmark : IBenchmark
{
    private const string Service = "relaybench";
    private const int WarmUp = 500;

    public string Name => "relay";

    public string Description =>
        "outbox relay: events/s published with confirms from SQLite and PostgreSQL to RabbitMQ; baseline: one publish in flight, batch 100. " +
        "Args: [--events 50000] [--baseline-events 5000] [--db sqlite|postgres|both] [--in-flight 100[,…]] [--batch 500] [--rabbitmq URI] [--postgres CONNSTR]";

    public async Task<int> RunAsync(string[] args)
    {
        var events = Int(args, "--events", 50_000);
        var baselineEvents = Int(args, "--baseline-events", 5_000);
        var db = Arg(args, "--db") ?? "both";
        var inFlight = (Arg(args, "--in-flight") ?? "100").Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var batch = Int(args, "--batch", 500);
        var rabbitMq = Arg(args, "--rabbitmq") ?? Environment.GetEnvironmentVariable("BANSOS_TEST_RABBITMQ") ?? "amqp://guest:guest@127.0.0.1:5672/";
        var postgres = Arg(args, "--postgres") ?? Environment.GetEnvironmentVariable("BANSOS_TEST_POSTGRES") ?? "Host=127.0.0.1;Username=bansos;Password=bansos";
        if (db is not ("sqlite" or "postgres" or "both") || events < 1 || baselineEvents < 1 || batch < 1 || inFlight.Any(n => n < 1))
        {
            Console.Error.WriteLine($"Bad arguments. {Description}");
            return 2;
        }

        Console.WriteLine($"relay benchmark: {events:N0} events per run (baseline {baselineEvents:N0}), batch {batch}, in flight {string.Join("/", inFlight)}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; load average {LoadAverage()}");

        await using var sink = await BenchmarkQueue.CreateAsync(rabbitMq);
        foreach (var provider in db == "both" ? ["sqlite", "postgres"] : new[] { db })
        {
            Console.WriteLine();
            Console.WriteLine($"== {provider}");
            await using var database = provider == "postgres" ? await ScratchDatabase.PostgresAsync(postgres, "bansos_relaybench") : ScratchDatabase.Sqlite("bansos-relaybench");
            await RunOneAsync(database, rabbitMq, sink, "baseline: 1 in flight, batch 100", maxInFlight: 1, batchSize: 100, baselineEvents);
            foreach (var n in inFlight)
            {
                await RunOneAsync(database, rabbitMq, sink, $"{n} in flight, batch {batch}", n, batch, events);
            }
        }

        return 0;
    }

    /// <summary>One relay configuration: a warm-up, then <paramref name="events"/> events committed at once and drained.</summary>
    private static async Task RunOneAsync(ScratchDatabase database, string rabbitMq, BenchmarkQueue sink, string label, int maxInFlight, int batchSize, int events)
    {
        using var host = await StartRelayAsync(database, rabbitMq, maxInFlight, batchSize);
        var db = host.Services.GetRequiredService<IDatabase>();
        var sessions = host.Services.GetRequiredService<IDbSessions>();
        var outbox = host.Services.GetRequiredService<IOutbox>();
        await sink.PurgeAsync();

        // Warm-up: JIT, the exchange declared on the first publish, pools.
        await EnqueueAsync(sessions, outbox, WarmUp);
        await WaitUntilSentAsync(db);

        var load = LoadAverage();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await EnqueueAsync(sessions, outbox, events);
        var enqueued = clock.Elapsed;
        // The relay sees nothing before the commit, and the commit wakes it: the clock starts here.
        clock.Restart();
        await WaitUntilSentAsync(db);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var queued = await sink.WaitForAsync(WarmUp + events);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-36} {events,7:N0} events in {seconds,6:F1} s = {events / seconds,7:N0} events/s; CPU {cpuMs * 1000 / events,6:F0} ms per 1 000 events; " +
            $"queue has {queued:N0}/{WarmUp + events:N0}; enqueue {enqueued.TotalSeconds:F1} s; load average {load} -> {LoadAverage()}"));
        await host.StopAsync();
    }

    private static async Task<IHost> StartRelayAsync(ScratchDatabase database, string rabbitMq, int maxInFlight, int batchSize)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(
        [
            .. database.Settings(Service),
            new("ConnectionStrings:rabbitmq", rabbitMq),
            new("Bansos:RabbitMq:WaitUntilStarted", "true"),
            new("Bansos:Outbox:MaxInFlight", maxInFlight.ToString(CultureInfo.InvariantCulture)),
            new("Bansos:Outbox:BatchSize", batchSize.ToString(CultureInfo.InvariantCulture)),
            new("Logging:LogLevel:Default", "Warning"),
        ]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddBansosStorage(Service, typeof(RelayBenchmark).Assembly);
        builder.AddBansosMessaging(Service);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>One transaction, 5 000 rows per statement batch, as an import writes them.</summary>
    private static Task EnqueueAsync(IDbSessions sessions, IOutbox outbox, int count) =>
        sessions.WriteAsync(async session =>
        {
            var at = DateTimeOffset.UtcNow;
            foreach (var chunk in Enumerable.Range(0, count).Chunk(5_000))
            {
                await outbox.EnqueueManyAsync(session.Connection, session.Transaction,
                    chunk.Select(i => (object)new RelayBenchmarkEvent(Guid.CreateVersion7(), 1, "1771010001", "ACTIVE", 1 + (i % 6), at)));
            }

            return true;
        });

    private static async Task WaitUntilSentAsync(IDatabase db)
    {
        await using var connection = await db.OpenConnectionAsync();
        var stalled = Stopwatch.StartNew();
        var last = long.MaxValue;
        while (true)
        {
            var unsent = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NULL AND failed_at IS NULL");
            if (unsent == 0)
            {
                return;
            }

            if (unsent < last)
            {
                (last, stalled) = (unsent, Stopwatch.StartNew());
            }
            else if (stalled.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"The relay made no progress for 2 minutes; {unsent} rows unsent.");
            }

            await Task.Delay(50);
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string? Arg(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static int Int(string[] args, string name, int fallback) =>
        Arg(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
