using System.Diagnostics;
using System.Globalization;
using Bansos.Card;
using Bansos.Card.Crypto;
using Bansos.PcSc;
using Bansos.VirtualCard.Applet;
using Bansos.VirtualCard.Vpcd;

namespace Bansos.Benchmarks.Card;

/// <summary>
/// The card part of one payout (SELECT, VERIFY, GENERATE CRYPTOGRAM) through the real stack:
/// Bansos.PcSc → libpcsclite → pcscd → vpcd → the virtual card. The baseline in the same run is a
/// bare SELECT round trip, i.e. what the stack costs before the card does any work.
/// </summary>
public sealed class CardTransactionBenchmark : IBenchmark
{
    private static readonly byte[] Imk = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");
    private static readonly byte[] SelectCommand = AidCardCommands.Select().Encode();
    private const string Pin = "123456";
    private const double TargetMedianMs = 20;

    public string Name => "card";

    public string Description =>
        "card transaction through pcscd + vpcd (SELECT, VERIFY, GENERATE); baseline bare SELECT. " +
        "Args: [--transactions N=1000] [--warmup N=50] [--reader 0|1] [--store file|memory]";

    public async Task<int> RunAsync(string[] args)
    {
        var transactions = IntOption(args, "--transactions", 1000);
        var warmup = IntOption(args, "--warmup", 50);
        var readerIndex = IntOption(args, "--reader", 0);
        var store = Option(args, "--store") ?? "file";
        if (transactions < 1 || transactions + warmup > ushort.MaxValue - 1 || readerIndex is < 0 or > 1 || store is not ("file" or "memory"))
        {
            Console.Error.WriteLine($"Bad arguments. {Description}");
            return 2;
        }

        var folder = Directory.CreateTempSubdirectory("bansos-card-bench");
        try
        {
            var applet = store == "file"
                ? AidCardApplet.WithStateFile(Path.Combine(folder.FullName, "card.json"))
                : AidCardApplet.InMemory();
            using var context = PcScContext.Establish();
            var reader = VirtualCardHost.ReaderNameFor(readerIndex);
            if (!context.ListReaders().Contains(reader))
            {
                Console.Error.WriteLine($"Reader \"{reader}\" not found: is pcscd running with vsmartcard-vpcd (.ci/servers.sh)?");
                return 1;
            }
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
                await context.WaitForCardAsync(reader, present: false, timeout.Token);

            await using var host = new VirtualCardHost(new AppletVpcdCard(applet), readerIndex);
            await host.StartAsync();
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
                await context.WaitForCardAsync(reader, present: true, timeout.Token);

            using var card = context.Connect(reader);
            var client = new AidCardClient(card);
            var number = CardNumber.Parse("9900170000000011");
            client.Select();
            client.Personalise(PersonalisationData.FromIssuerMasterKey(Imk, number, "KPM-BENCH-0001", "SITI AMINAH", new DateOnly(2030, 12, 31), Pin));
            var kCard = CardKeys.DeriveCardKey(Imk, number);
            var challenge = new byte[CryptogramData.ChallengeLength];

            Console.WriteLine($"card transaction benchmark: {transactions} transactions (+{warmup} warm-up), reader \"{reader}\", T={(card.Protocol == PcScProtocols.T0 ? 0 : 1)}, card state in {store}");
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");

            var selects = new List<double>(transactions);
            for (var i = 0; i < warmup + transactions; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var response = card.Transmit(SelectCommand);
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (response.Length < 2 || response[^2] != 0x90) throw new InvalidOperationException($"SELECT answered {Convert.ToHexString(response)}");
                if (i >= warmup) selects.Add(elapsed);
            }

            var payouts = new List<double>(transactions);
            ushort lastAtc = 0;
            for (var i = 0; i < warmup + transactions; i++)
            {
                // A fresh challenge per transaction, as the payout service issues them (outside the timing).
                Random.Shared.NextBytes(challenge);
                var data = new CryptogramData(150_000, 202111, 257, challenge);
                var start = Stopwatch.GetTimestamp();
                client.Select();
                if (!client.Verify(Pin).IsSuccess) throw new InvalidOperationException("VERIFY failed");
                var generated = client.GenerateCryptogram(data);
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (generated.Atc != lastAtc + 1 || !Cryptogram.Verify(kCard, number, generated.Atc, data, generated.Cryptogram.Span))
                    throw new InvalidOperationException($"Transaction {i}: wrong ATC or cryptogram");
                lastAtc = generated.Atc;
                if (i >= warmup) payouts.Add(elapsed);
            }

            var baseline = LatencySummary.From(selects);
            var transaction = LatencySummary.From(payouts);
            Console.WriteLine($"baseline  SELECT round trip        {baseline}");
            Console.WriteLine($"payout    SELECT+VERIFY+GENERATE   {transaction}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"target: median <= {TargetMedianMs} ms: {(transaction.Median <= TargetMedianMs ? "met" : "NOT met")}"));
            card.Disconnect(CardDisposition.Reset);
            return 0;
        }
        catch (PcScException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        catch (VpcdUnavailableException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
