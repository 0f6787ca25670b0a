using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bansos.Registry.Application;
using Bansos.ServiceDefaults.Storage;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Bansos.Benchmarks.Import;

/// <summary>
/// Card commands while an import runs: probe households with a card each, then every second one
/// card blocked and unblocked and another one reported lost (issue 11 point 7: a card must be
/// stoppable during a large all-or-nothing import). Each command's time in ms, by kind.
/// </summary>
internal static class CardProbe
{
    /// <summary>One lost-card report per second: enough for a 1 000 000-person import on a slow machine.</summary>
    private const int Households = 300;

    public sealed record Latencies(IReadOnlyList<double> BlockUnblock, IReadOnlyList<double> ReportLost);

    public static async Task<Latencies> StartAsync(IServiceProvider services, CancellationToken stop)
    {
        await using var scope = services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<HouseholdImporter>();
        await using (var upload = await importer.ReceiveAsync((target, ct) => target.WriteAsync(Encoding.UTF8.GetBytes(Families()), ct).AsTask(), CancellationToken.None))
        {
            await importer.ImportAsync(upload, new ImportRequest(false, "probe.csv"), "benchmark", CancellationToken.None);
        }

        var cards = scope.ServiceProvider.GetRequiredService<CardCommands>();
        await cards.IssueMissingAsync("benchmark", CancellationToken.None);
        List<string> numbers;
        await using (var connection = await scope.ServiceProvider.GetRequiredService<IDatabase>().OpenConnectionAsync(CancellationToken.None))
        {
            numbers = [.. await connection.QueryAsync<string>("SELECT card_number FROM aid_cards ORDER BY card_number")];
        }

        var blockUnblock = new List<double>();
        var reportLost = new List<double>();
        var nextLost = 1;
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
                    ? await cards.BlockAsync(numbers[0], "probe", "benchmark", CancellationToken.None)
                    : await cards.UnblockAsync(numbers[0], "probe", "benchmark", CancellationToken.None);
                blockUnblock.Add(clock.Elapsed.TotalMilliseconds);
            }

            if (nextLost < numbers.Count)
            {
                var clock = Stopwatch.StartNew();
                _ = await cards.ReportLostAsync(numbers[nextLost++], "probe: hilang", "benchmark", CancellationToken.None);
                reportLost.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return new Latencies(blockUnblock, reportLost);
    }

    /// <summary>Heads of household with valid, unique NIK/KK (serials 9 000+, above what the generator uses).</summary>
    private static string Families()
    {
        var csv = new StringBuilder("kk,nik,nama,hubungan,jenis_kelamin,tanggal_lahir,kode_desa,alamat,rt,rw,desil,program\n");
        for (var i = 0; i < Households; i++)
        {
            var serial = (9000 + i).ToString(CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"170312150221{serial},170312150170{serial},Probe Kepala,KEPALA,L,1970-01-15,17.03.12.2003,Jl. Probe,001,002,3,SEMBAKO\n");
        }

        return csv.ToString();
    }
}
