using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bansos.Benchmarks.Payout;
using Bansos.Gateway;
using Bansos.Gateway.Terminals;
using Bansos.Protos.Payout.V1;
using Bansos.ServiceDefaults.Auth;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bansos.Benchmarks.Gateway;

/// <summary>
/// The gateway's cost on the agents' path: the no-op <c>Ping</c> through the gateway (mutual TLS,
/// certificate check, terminal token, YARP to payout's h2c port) against the same call straight
/// to payout, then Begin+Authorize payout pairs the same two ways, in one run at the same
/// concurrency. Issue 9's targets: the no-op through the gateway ≥ 50 % of direct, payouts through
/// the gateway ≥ 1 500/s on PostgreSQL.
/// </summary>
public sealed class GatewayBenchmark : IBenchmark
{
    private const double TargetPayoutsPerSecond = 1500;

    public string Name => "gateway";

    public string Description =>
        "No-op Ping, then Begin+Authorize payout pairs, through the gateway (mutual TLS) vs direct to payout, same concurrency: " +
        "--db postgres|sqlite --seconds 10 --concurrency 32 --terminals 8 --cards 4000 --warmup 3 --postgres CONNSTR";

    public async Task<int> RunAsync(string[] args)
    {
        var seconds = IntOption(args, "--seconds", 10);
        var concurrency = IntOption(args, "--concurrency", 32);
        var terminals = IntOption(args, "--terminals", 8);
        var warmup = IntOption(args, "--warmup", 3);
        var cardCount = IntOption(args, "--cards", 4000);
        var dialect = Option(args, "--db") == "sqlite" ? DbDialect.Sqlite : DbDialect.Postgres;
        var postgres = Option(args, "--postgres")
            ?? (Environment.GetEnvironmentVariable("BANSOS_TEST_POSTGRES") is { Length: > 0 } pg ? pg : "Host=127.0.0.1;Username=bansos;Password=bansos");
        if (cardCount < concurrency)
        {
            Console.Error.WriteLine($"Bad arguments (--cards must be at least --concurrency). {Description}");
            return 2;
        }
        var folder = Directory.CreateTempSubdirectory("bansos-gateway-bench");
        WebApplication? gateway = null;
        try
        {
            var httpsPort = FreePorts.Next();
            // The gateway's keys first (as at its first start), so payout can be told to trust its signing key.
            Bansos.Gateway.Pki.GatewayPki.LoadOrCreate(Path.Combine(folder.FullName, "gateway"), new PkiPaths(), [],
                Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance).Dispose();

            // Payout trusts the gateway's key (read from its data folder), as behind a real gateway.
            var key = ECDsa.Create();
            key.ImportFromPem(await File.ReadAllTextAsync(Path.Combine(folder.FullName, "gateway", "token-signing.key")));
            await using var payout = await PayoutBenchmarkHost.StartAsync(dialect, postgres, null, null, cardCount, terminals, TestTokenIssuer.FromKey(key));
            PayoutBenchmark.MeasurePostgres(payout.PostgresDatabase);
            gateway = GatewayApp.Build([], configuration => configuration.AddInMemoryCollection(
            [
                new("Bansos:DataDir", folder.FullName),
                new("Bansos:Gateway:HttpsPort", httpsPort.ToString(CultureInfo.InvariantCulture)),
                new("Bansos:Gateway:HttpPort", "-1"),
                new("Bansos:Gateway:RateLimits:PerTerminalPerMinute", int.MaxValue.ToString(CultureInfo.InvariantCulture)),
                // A posko's 30 lookups a minute would stop the benchmark at once: lifted, still checked per call.
                new("Bansos:Gateway:RateLimits:BeginPayoutPerTerminalPerMinute", int.MaxValue.ToString(CultureInfo.InvariantCulture)),
                new("Logging:LogLevel:Default", "Warning"),
                new("Bansos:Gateway:Services:payout:Grpc", payout.GrpcAddress.ToString()),
            ]));
            await gateway.StartAsync();
            var monitor = gateway.Services.GetRequiredService<TerminalStatusMonitor>();
            for (var i = 0; i < 300 && !payout.TerminalIds.All(monitor.IsActive); i++)
            {
                await Task.Delay(100);
            }

            var certificates = gateway.Services.GetRequiredService<TerminalCertificates>();
            using var serverCa = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(folder.FullName, "gateway", "server-ca.crt"));
            var viaGateway = payout.TerminalIds.Select(id => new PayoutTerminalService.PayoutTerminalServiceClient(
                GrpcChannel.ForAddress($"https://127.0.0.1:{httpsPort}", new GrpcChannelOptions { HttpHandler = MutualTls(ClientCertificate(certificates, id), serverCa) }))).ToArray();
            var direct = payout.TerminalIds.Select(_ => new PayoutTerminalService.PayoutTerminalServiceClient(
                GrpcChannel.ForAddress(payout.GrpcAddress, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler() }))).ToArray();
            var headers = payout.TerminalIds.Select(id => new Metadata
            {
                { "Authorization", "Bearer " + payout.Tokens.Issue($"terminal-{id}", [BansosRoles.Terminal], BansosAuthOptions.MaxTerminalLifetime,
                    new Dictionary<string, object> { [BansosClaims.TerminalId] = id.ToString(CultureInfo.InvariantCulture) }) },
            }).ToArray();
            var none = new Metadata(); // through the gateway the identity is the client certificate
            var noneEach = payout.TerminalIds.Select(_ => none).ToArray();

            Task<bool> Direct(int worker) => PingAsync(direct[worker % direct.Length], headers[worker % headers.Length]);
            Task<bool> Through(int worker) => PingAsync(viaGateway[worker % viaGateway.Length], none);
            await PayoutBenchmark.ClosedLoopAsync(TimeSpan.FromSeconds(warmup), concurrency, (worker, _) => Direct(worker));
            await PayoutBenchmark.ClosedLoopAsync(TimeSpan.FromSeconds(warmup), concurrency, (worker, _) => Through(worker));
            var straight = await PayoutBenchmark.ClosedLoopAsync(TimeSpan.FromSeconds(seconds), concurrency, (worker, _) => Direct(worker));
            var through = await PayoutBenchmark.ClosedLoopAsync(TimeSpan.FromSeconds(seconds), concurrency, (worker, _) => Through(worker));

            var ratio = through.PerSecond / straight.PerSecond;
            Console.WriteLine($"gateway benchmark on {dialect}: {payout.Durability}; {concurrency} workers, {terminals} terminals, {cardCount} cards; {Environment.ProcessorCount} cores");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"direct    Ping (h2c, bearer)          {straight.PerSecond,8:F0} calls/s  {straight.Latency}; failed {straight.Failures}"));
            Console.WriteLine($"          {straight.Cpu}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gateway   Ping (mutual TLS, YARP)     {through.PerSecond,8:F0} calls/s  {through.Latency}; failed {through.Failures}"));
            Console.WriteLine($"          {through.Cpu}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"          Ping through the gateway: {ratio:P0} of direct (target ≥ 50 %)"));

            // Payouts as agents make them (BeginPayout, the card's cryptogram, AuthorizePayout), in the same run.
            // Each worker keeps its own cards (no card in two readers at once), as in the payout benchmark.
            Task<bool> DirectPair(int worker) => PayoutBenchmark.PairAsync(direct, payout, headers, payout.Cards, worker, concurrency);
            Task<bool> ThroughPair(int worker) => PayoutBenchmark.PairAsync(viaGateway, payout, noneEach, payout.Cards, worker, concurrency);
            await PayoutBenchmark.ClosedLoopAsync(TimeSpan.FromSeconds(warmup), concurrency, (worker, _) => DirectPair(worker));
            await PayoutBenchmark.ClosedLoopAsync(TimeSpan.FromSeconds(warmup), concurrency, (worker, _) => ThroughPair(worker));
            var pairsDirect = await PayoutBenchmark.ClosedLoopAsync(TimeSpan.FromSeconds(seconds), concurrency, (worker, _) => DirectPair(worker));
            var pairsThrough = await PayoutBenchmark.ClosedLoopAsync(TimeSpan.FromSeconds(seconds), concurrency, (worker, _) => ThroughPair(worker));
            var pairRatio = pairsThrough.PerSecond / pairsDirect.PerSecond;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"direct    Begin+Authorize pairs       {pairsDirect.PerSecond,8:F0} payouts/s  {pairsDirect.Latency}; declined or failed {pairsDirect.Failures}"));
            Console.WriteLine($"          {pairsDirect.Cpu}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gateway   Begin+Authorize pairs       {pairsThrough.PerSecond,8:F0} payouts/s  {pairsThrough.Latency}; declined or failed {pairsThrough.Failures}"));
            Console.WriteLine($"          {pairsThrough.Cpu}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"          payouts through the gateway: {pairRatio:P0} of direct (target ≥ 1 500/s through the gateway)"));
            var met = ratio >= 0.5 && pairsThrough.PerSecond >= TargetPayoutsPerSecond &&
                through.Failures + straight.Failures + pairsDirect.Failures + pairsThrough.Failures == 0;
            Console.WriteLine($"targets: {(met ? "met" : "NOT met")}");
            return met ? 0 : 1;
        }
        finally
        {
            if (gateway is not null)
            {
                await gateway.StopAsync();
                await gateway.DisposeAsync();
            }

            folder.Delete(recursive: true);
        }
    }

    private static async Task<bool> PingAsync(PayoutTerminalService.PayoutTerminalServiceClient client, Metadata headers)
    {
        try
        {
            await client.PingAsync(new PingRequest(), headers);
            return true;
        }
        catch (RpcException)
        {
            return false;
        }
    }

    private static X509Certificate2 ClientCertificate(TerminalCertificates certificates, long terminalId)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var csr = new CertificateRequest("CN=bench", key, HashAlgorithmName.SHA256).CreateSigningRequest();
        using var issued = certificates.Sign(terminalId, csr);
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>An agent's handler: its client certificate, and the gateway's server CA as the only trust.</summary>
    internal static SocketsHttpHandler MutualTls(X509Certificate2 client, X509Certificate2 serverCa)
    {
        var handler = new SocketsHttpHandler { PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan };
        handler.SslOptions.ClientCertificates = [client];
        handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => client;
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(serverCa);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return certificate is X509Certificate2 presented && chain.Build(presented);
        };
        return handler;
    }


    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
