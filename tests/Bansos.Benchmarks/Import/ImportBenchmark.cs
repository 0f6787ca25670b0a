using System.Diagnostics;
using Bansos.Registry;
using Bansos.Registry.Application;
using Bansos.Registry.Domain.Pilot;
using Bansos.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bansos.Benchmarks.Import;

/// <summary>
/// Import of N synthetic persons (default 1 000 000, about 250 000 households) through the registry's
/// real import pipeline (spool, stream, validate, batch, write, outbox) into SQLite and PostgreSQL with
/// durable settings. Reports rows per second and the process's peak working set. The baseline in the
/// same run is parsing and validating the same file without writing (the domain's own ceiling).
/// </summary>
public sealed class ImportBenchmark : IBenchmark
{
    public string Name => "import";

    public string Description =>
        "registry CSV import: rows/s and peak memory on SQLite and PostgreSQL [persons=1000000] [sqlite,postgres]; baseline: parse+validate only";

    public async Task<int> RunAsync(string[] args)
    {
        var persons = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 1_000_000;
        var providers = args.Length > 1 ? args[1].Split(',') : ["sqlite", "postgres"];
        var work = Directory.CreateTempSubdirectory("bansos-import-bench").FullName;
        try
        {
            var csv = Path.Combine(work, "synthetic.csv");
            var clock = Stopwatch.StartNew();
            await using (var writer = new StreamWriter(csv))
            {
                PilotDataGenerator.WriteCsv(writer, PilotDataGenerator.GenerateSynthetic(persons, seed: 7));
            }

            Console.WriteLine($"import: {persons:N0} persons, file {new FileInfo(csv).Length / (1024 * 1024)} MB generated in {clock.Elapsed.TotalSeconds:F1} s");
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");

            foreach (var provider in providers)
            {
                await RunOneAsync(provider.Trim(), csv, persons, work);
            }

            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task RunOneAsync(string provider, string csv, int persons, string work)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bansos:DataDir"] = Path.Combine(work, provider),
            ["Bansos:Auth:Jwks"] = new Bansos.Testing.TestTokenIssuer().Jwks,
            ["Bansos:Registry:MaxUploadBytes"] = (1L << 31).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Bansos:Registry:TempDirectory"] = Path.Combine(work, "spool"),
            ["Bansos:Ports:Grpc"] = "0",
            ["Bansos:Ports:Http"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Bansos:Outbox:RelayEnabled"] = Environment.GetEnvironmentVariable("BENCH_RELAY") ?? "true",
        };
        // SQLite goes into Bansos:DataDir; PostgreSQL gets a database of its own, dropped at the end.
        await using var database = provider == "postgres"
            ? await ScratchDatabase.PostgresAsync(
                Environment.GetEnvironmentVariable("BANSOS_TEST_POSTGRES") ?? "Host=127.0.0.1;Username=bansos;Password=bansos", "bansos_bench")
            : null;
        foreach (var (key, value) in database?.Settings("registry") ?? [])
        {
            settings[key] = value;
        }

        var builder = BansosWebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddRegistryServices();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        await app.StartAsync();
        try
        {
            // Baseline: the same file read, parsed and validated, nothing written (second pass: warm).
            var areas = app.Services.GetRequiredService<Bansos.Registry.Domain.Areas.AreaReference>();
            var clock = Stopwatch.StartNew();
            var drafts = 0;
            for (var pass = 0; pass < 2; pass++)
            {
                clock.Restart();
                drafts = 0;
                await using var file = File.OpenRead(csv);
                await foreach (var item in Bansos.Registry.Domain.Import.HouseholdImport.ReadAsync(
                    file, areas, DateOnly.FromDateTime(DateTime.UtcNow)))
                {
                    if (item is Bansos.Registry.Domain.Import.HouseholdDraft)
                    {
                        drafts++;
                    }
                }
            }

            var parseSeconds = clock.Elapsed.TotalSeconds;

            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var before = process.PeakWorkingSet64;
            var cpuBefore = process.TotalProcessorTime;
            var writtenBefore = BytesWritten();
            var pauseBefore = GC.GetTotalPauseDuration();
            using var allocations = AllocationSampler.StartIfAsked();
            long peakHeap = 0;
            using var heapWatch = new Timer(_ => Interlocked.Exchange(ref peakHeap, Math.Max(Interlocked.Read(ref peakHeap), GC.GetGCMemoryInfo().TotalCommittedBytes)), null, 0, 100);
            int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            clock.Restart();
            await using var scope = app.Services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<HouseholdImporter>();
            await using var upload = await importer.ReceiveAsync(async (target, ct) =>
            {
                await using var file = File.OpenRead(csv);
                await file.CopyToAsync(target, ct);
            }, CancellationToken.None);
            // BENCH_ALL_OR_NOTHING=1: the file as one all-or-nothing import, with a card blocked and
            // unblocked and another reported lost every second meanwhile (D30: card commands must not wait for the import).
            var allOrNothing = Environment.GetEnvironmentVariable("BENCH_ALL_OR_NOTHING") == "1";
            using var probeStop = new CancellationTokenSource();
            var probe = allOrNothing ? CardProbe.StartAsync(app.Services, probeStop.Token) : Task.FromResult(new CardProbe.Latencies([], []));
            var report = await importer.ImportAsync(upload, new ImportRequest(allOrNothing, "synthetic.csv"), "benchmark", CancellationToken.None);
            var seconds = clock.Elapsed.TotalSeconds;
            await probeStop.CancelAsync();
            if (allOrNothing)
            {
                var probed = await probe;
                Console.WriteLine($"card commands during the all-or-nothing import ({report.Status}, {report.HouseholdsCreated:N0} households): " +
                    $"block/unblock {Summary(probed.BlockUnblock)}; report lost {Summary(probed.ReportLost)}");
            }

            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            var written = BytesWritten() - writtenBefore;
            var pause = GC.GetTotalPauseDuration() - pauseBefore;
            var collections = string.Join("/", Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]));
            Console.WriteLine(
                $"{provider,-8}: {report.RowsRead:N0} rows ({report.HouseholdsCreated:N0} households, {report.RowsRejected} rejected) in {seconds:F1} s " +
                $"= {report.RowsRead / seconds:N0} rows/s; parse-only baseline {persons / parseSeconds:N0} rows/s ({drafts:N0} households); " +
                $"peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MB (before import {before / (1024 * 1024)} MB); " +
                $"process CPU {cpu:F1} s ({cpu * 1e6 / report.RowsRead:F1} µs/row), written to disk {written / (1024 * 1024)} MB; " +
                $"GC pauses {pause.TotalSeconds:F1} s, collections gen0/1/2 {collections}, peak GC committed {Interlocked.Read(ref peakHeap) / (1024 * 1024)} MB");
            allocations?.Print(Console.Out);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static string Summary(IReadOnlyList<double> latencies)
    {
        var sorted = latencies.Order().ToList();
        return sorted.Count == 0 ? "none completed" : $"{sorted.Count}, median {sorted[sorted.Count / 2]:F0} ms, max {sorted[^1]:F0} ms";
    }

    /// <summary>Bytes this process caused to be written to storage (Linux /proc/self/io), 0 elsewhere.</summary>
    private static long BytesWritten()
    {
        const string io = "/proc/self/io";
        if (!File.Exists(io))
        {
            return 0;
        }

        var line = File.ReadLines(io).FirstOrDefault(l => l.StartsWith("write_bytes:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line["write_bytes:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
