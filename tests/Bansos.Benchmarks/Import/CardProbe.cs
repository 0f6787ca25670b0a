using System.Diagnostics;
using System.Text;
using Bansos.Registry.Application;
using Bansos.ServiceDefaults.Storage;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Bansos.Benchmarks.Import;

/// <summary>A household with a card, then BlockCard/UnblockCard every second until stopped: each command's time in ms.</summary>
internal static class CardProbe
{
    private const string Family =
        "kk,nik,nama,hubungan,jenis_kelamin,tanggal_lahir,kode_desa,alamat,rt,rw,desil,program\n" +
        "1703121502219996,1703121501709996,Probe Kepala,KEPALA,L,1970-01-15,17.03.12.2003,Jl. Probe,001,002,3,SEMBAKO\n";

    public static async Task<IReadOnlyList<double>> StartAsync(IServiceProvider services, CancellationToken stop)
    {
        await using var scope = services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<HouseholdImporter>();
        await using (var upload = await importer.ReceiveAsync((target, ct) => target.WriteAsync(Encoding.UTF8.GetBytes(Family), ct).AsTask(), CancellationToken.None))
        {
            await importer.ImportAsync(upload, new ImportRequest(false, "probe.csv"), "benchmark", CancellationToken.None);
        }

        var cards = scope.ServiceProvider.GetRequiredService<CardCommands>();
        await cards.IssueMissingAsync("benchmark", CancellationToken.None);
        string number;
        await using (var connection = await scope.ServiceProvider.GetRequiredService<IDatabase>().OpenConnectionAsync(CancellationToken.None))
        {
            number = await connection.ExecuteScalarAsync<string>("SELECT card_number FROM aid_cards LIMIT 1") ?? throw new InvalidOperationException("no card");
        }

        var latencies = new List<double>();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(1000, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            foreach (var block in new[] { true, false })
            {
                var clock = Stopwatch.StartNew();
                _ = block
                    ? await cards.BlockAsync(number, "probe", "benchmark", CancellationToken.None)
                    : await cards.UnblockAsync(number, "probe", "benchmark", CancellationToken.None);
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return latencies;
    }
}
