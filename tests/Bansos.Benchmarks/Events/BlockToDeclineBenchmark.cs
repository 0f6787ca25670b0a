using System.Diagnostics;
using System.Globalization;
using Bansos.Protos.Payout.V1;
using Bansos.Protos.Registry.V1;
using Bansos.ServiceDefaults.Auth;
using Bansos.Testing;
using Dapper;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Data.Sqlite;

namespace Bansos.Benchmarks.Events;

/// <summary>
/// From BlockCard in the registry to the first BeginPayout that payout declines for it, on a running
/// pilot (./run-pilot.sh): the outbox relay, RabbitMQ, payout's consumer and projection in between.
/// For each of N active cards: BlockCard, then BeginPayout at the card's village terminal every 10 ms
/// until it answers BLOCKED; then UnblockCard and wait until it pays again, so the pilot is left as found.
/// Reads card numbers and terminals from the pilot's SQLite files, signs tokens with a key pair of its own that the measured services must trust (see RunAsync).
/// </summary>
public sealed class BlockToDeclineBenchmark : IBenchmark
{
    public string Name => "block-to-decline";

    public string Description =>
        "BlockCard (registry) → first declined BeginPayout (payout) on a running pilot; args: [--data ./data] [--cards 20] [--registry http://127.0.0.1:5101] [--payout http://127.0.0.1:5102]";

    public async Task<int> RunAsync(string[] args)
    {
        var data = Arg(args, "--data", "data");
        var count = int.Parse(Arg(args, "--cards", "20"), CultureInfo.InvariantCulture);
        var registryAddress = Arg(args, "--registry", "http://127.0.0.1:5101");
        var payoutAddress = Arg(args, "--payout", "http://127.0.0.1:5102");

        // Services trust only public keys and mint nothing: the benchmark signs with a key pair of its
        // own and the measured registry and payout must have been started trusting it
        // (Bansos__Auth__JwksFile=<data>/benchmark-jwks.json, written here on the first run).
        var issuer = await BenchmarkIssuerAsync(data);
        var admin = issuer.Issue("benchmark-admin", [BansosRoles.Admin], TimeSpan.FromMinutes(10));

        List<(string Number, long Terminal)> cards;
        await using (var payoutDb = new SqliteConnection($"Data Source={Path.Combine(data, "payout.db")};Mode=ReadOnly"))
        {
            cards = [.. await payoutDb.QueryAsync<(string, long)>(
                """
                SELECT c.card_number, MIN(t.id) FROM cards c
                JOIN households h ON h.id = c.household_id
                JOIN distribution_points p ON p.village_code = h.village_code
                JOIN terminals t ON t.point_id = p.id AND t.status = 'ACTIVE'
                WHERE c.status = 'ACTIVE' AND h.status = 'ACTIVE'
                GROUP BY c.card_number ORDER BY c.card_number LIMIT @count
                """, new { count })];
        }

        using var registryChannel = Channel(registryAddress, admin);
        var registryCards = new CardService.CardServiceClient(registryChannel);
        var latencies = new List<double>(cards.Count);
        foreach (var (number, terminalId) in cards)
        {
            using var terminalChannel = Channel(payoutAddress, issuer.Issue($"terminal-{terminalId}", [BansosRoles.Terminal], TimeSpan.FromMinutes(5),
                new Dictionary<string, object> { [BansosClaims.TerminalId] = terminalId.ToString(CultureInfo.InvariantCulture) }));
            var terminal = new PayoutTerminalService.PayoutTerminalServiceClient(terminalChannel);
            var request = new BeginPayoutRequest { CardNumber = number };

            var clock = Stopwatch.StartNew();
            await registryCards.BlockCardAsync(new CardActionRequest { CardNumber = number });
            while ((await terminal.BeginPayoutAsync(request)).CardStatus != "BLOCKED")
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(60))
                {
                    Console.Error.WriteLine($"card {number[..6]}…: still paying 60 s after BlockCard");
                    return 1;
                }

                await Task.Delay(10);
            }

            latencies.Add(clock.Elapsed.TotalMilliseconds);
            await registryCards.UnblockCardAsync(new CardActionRequest { CardNumber = number });
            while ((await terminal.BeginPayoutAsync(request)).CardStatus == "BLOCKED")
            {
                await Task.Delay(50);
            }
        }

        Console.WriteLine($"block-to-decline over {cards.Count} cards (ms): {LatencySummary.From(latencies)}");
        return 0;
    }

    /// <summary>A plaintext (h2c) channel that sends the bearer token with every call.</summary>
    private static GrpcChannel Channel(string address, string token) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", "Bearer " + token);
            return Task.CompletedTask;
        })),
        UnsafeUseInsecureChannelCallCredentials = true,
    });

    private static string Arg(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    private static async Task<TestTokenIssuer> BenchmarkIssuerAsync(string data)
    {
        var keyFile = Path.Combine(data, "benchmark-issuer.pem");
        var jwksFile = Path.Combine(data, "benchmark-jwks.json");
        var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        if (File.Exists(keyFile))
        {
            key.ImportFromPem(await File.ReadAllTextAsync(keyFile));
        }
        else
        {
            await File.WriteAllTextAsync(keyFile, key.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        var issuer = TestTokenIssuer.FromKey(key);
        await File.WriteAllTextAsync(jwksFile, issuer.Jwks);
        return issuer;
    }
}
