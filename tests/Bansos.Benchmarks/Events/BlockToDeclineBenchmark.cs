using System.Diagnostics;
using System.Globalization;
using Bansos.Protos.Payout.V1;
using Bansos.Protos.Registry.V1;
using Bansos.ServiceDefaults.Auth;
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
/// Reads card numbers and terminals from the pilot's SQLite files, mints tokens with its signing key.
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

        var key = BansosAuthOptions.DecodeKey((await File.ReadAllTextAsync(Path.Combine(data, "signing-key"))).Trim());
        var issuer = new JwtTokenIssuer(key, BansosAuthOptions.DefaultIssuer, BansosAuthOptions.DefaultAudience);
        var admin = issuer.Issue("benchmark-admin", [BansosRoles.Admin], TimeSpan.FromHours(1));

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
            using var terminalChannel = Channel(payoutAddress, issuer.Issue($"terminal-{terminalId}", [BansosRoles.Terminal], TimeSpan.FromHours(1),
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
}
