using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Bansos.Benchmarks.Gateway;
using Bansos.Protos.Payout.V1;
using Dapper;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Data.Sqlite;

namespace Bansos.Benchmarks.Events;

/// <summary>
/// From BlockCard in the registry to the first BeginPayout that payout declines for it, on a running
/// pilot (./run-pilot.sh), through the gateway as in the field: the admin's REST call
/// (a fresh token from the pilot's refresh token), then the pilot's enrolled agent's BeginPayout over
/// mutual TLS every 10 ms until it answers BLOCKED — the outbox relay, RabbitMQ, payout's consumer
/// and projection in between. Then UnblockCard and wait until it pays again, so the pilot is left as
/// found. The cards are the agent terminal's village's. The pilot must run with the BeginPayout
/// limits raised (the gateway's and payout's), or the polling is throttled: see the description.
/// </summary>
public sealed class BlockToDeclineBenchmark : IBenchmark
{
    public string Name => "block-to-decline";

    public string Description =>
        "BlockCard → first declined BeginPayout on a running pilot, through the gateway; args: [--data ./data] [--cards 20] " +
        "[--rest http://127.0.0.1:8080] [--grpc https://127.0.0.1:8443]. Start the pilot with " +
        "Bansos__Gateway__RateLimits__BeginPayoutPerTerminalPerMinute=1000000 Bansos__Payout__BeginPayoutLimit__Burst=1000000 " +
        "Bansos__Payout__BeginPayoutLimit__PerMinute=1000000 ./run-pilot.sh";

    public async Task<int> RunAsync(string[] args)
    {
        var data = Arg(args, "--data", "data");
        var count = int.Parse(Arg(args, "--cards", "20"), CultureInfo.InvariantCulture);
        var rest = new Uri(Arg(args, "--rest", "http://127.0.0.1:8080"));
        var grpcAddress = Arg(args, "--grpc", "https://127.0.0.1:8443");

        using var http = new HttpClient { BaseAddress = rest };
        var accessToken = await RefreshAdminAsync(http, data);
        http.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);

        var agent = Path.Combine(data, "agent");
        var terminalId = long.Parse(await File.ReadAllTextAsync(Path.Combine(agent, "terminal-id")), CultureInfo.InvariantCulture);
        using var pem = X509Certificate2.CreateFromPemFile(Path.Combine(agent, "terminal-cert.pem"), Path.Combine(agent, "terminal-key.pem"));
        using var client = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        using var serverCa = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(agent, "gateway-ca.pem"));
        using var channel = GrpcChannel.ForAddress(grpcAddress, new GrpcChannelOptions { HttpHandler = GatewayBenchmark.MutualTls(client, serverCa) });
        var terminal = new PayoutTerminalService.PayoutTerminalServiceClient(channel);

        List<string> cards;
        await using (var payoutDb = new SqliteConnection($"Data Source={Path.Combine(data, "payout.db")};Mode=ReadOnly"))
        {
            cards = [.. await payoutDb.QueryAsync<string>(
                """
                SELECT c.card_number FROM cards c
                JOIN households h ON h.id = c.household_id
                JOIN distribution_points p ON p.village_code = h.village_code
                JOIN terminals t ON t.point_id = p.id
                WHERE t.id = @terminalId AND c.status = 'ACTIVE' AND h.status = 'ACTIVE'
                ORDER BY c.card_number LIMIT @count
                """, new { terminalId, count })];
        }

        var latencies = new List<double>(cards.Count);
        foreach (var number in cards)
        {
            var request = new BeginPayoutRequest { CardNumber = number };
            var clock = Stopwatch.StartNew();
            (await http.PostAsJsonAsync($"/api/v1/registry/cards/{number}/block", new { reason = "benchmark" })).EnsureSuccessStatusCode();
            while ((await BeginAsync(terminal, request)).CardStatus != "BLOCKED")
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(60))
                {
                    Console.Error.WriteLine($"card {number[..6]}…: still paying 60 s after BlockCard");
                    return 1;
                }

                await Task.Delay(10);
            }

            latencies.Add(clock.Elapsed.TotalMilliseconds);
            (await http.PostAsJsonAsync($"/api/v1/registry/cards/{number}/unblock", new { reason = "benchmark" })).EnsureSuccessStatusCode();
            while ((await BeginAsync(terminal, request)).CardStatus == "BLOCKED")
            {
                await Task.Delay(50);
            }
        }

        Console.WriteLine($"block-to-decline over {cards.Count} cards of terminal {terminalId}'s village, through the gateway (ms): {LatencySummary.From(latencies)}");
        return 0;
    }

    private static async Task<BeginPayoutResponse> BeginAsync(PayoutTerminalService.PayoutTerminalServiceClient terminal, BeginPayoutRequest request)
    {
        try
        {
            return await terminal.BeginPayoutAsync(request);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.ResourceExhausted)
        {
            throw new InvalidOperationException(
                "BeginPayout is throttled: start the pilot with the BeginPayout limits raised (see this benchmark's description).", ex);
        }
    }

    /// <summary>
    /// A fresh admin token from the pilot's refresh token. Refresh tokens are single use, so the new
    /// one (and the token files run-pilot.sh keeps) are written back, owner-only, for the next user.
    /// </summary>
    private static async Task<string> RefreshAdminAsync(HttpClient http, string data)
    {
        var refreshFile = Path.Combine(data, "admin-refresh-token");
        var refresh = (await File.ReadAllTextAsync(refreshFile)).Trim();
        using var answer = await http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh });
        answer.EnsureSuccessStatusCode();
        var json = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        var access = (string)json["accessToken"]!;
        await WriteOwnerOnlyAsync(refreshFile, (string)json["refreshToken"]! + "\n");
        await WriteOwnerOnlyAsync(Path.Combine(data, "admin-token"), access + "\n");
        await WriteOwnerOnlyAsync(Path.Combine(data, "admin-auth"), "Authorization: Bearer " + access + "\n");
        return access;
    }

    private static async Task WriteOwnerOnlyAsync(string path, string text)
    {
        await File.WriteAllTextAsync(path, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static string Arg(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}
