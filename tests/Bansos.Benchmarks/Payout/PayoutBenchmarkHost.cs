using System.Net;
using System.Net.Sockets;
using Bansos.Contracts;
using Bansos.Payout;
using Bansos.Payout.Application;
using Bansos.Payout.Keys;
using Bansos.ServiceDefaults;
using Bansos.ServiceDefaults.Auth;
using Bansos.ServiceDefaults.Hosting;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bansos.Benchmarks.Payout;

/// <summary>
/// The payout service exactly as Program.cs builds it (AddServiceDefaults, AddPayoutServices,
/// MapServiceDefaults, MapPayoutEndpoints) on real Kestrel h2c on loopback, with its own SQLite
/// file or PostgreSQL database, seeded with one open period, terminals and cards.
/// </summary>
internal sealed class PayoutBenchmarkHost : IAsyncDisposable
{
    public const string Village = "99.00.00.0001";

    private readonly WebApplication app;
    private readonly DirectoryInfo folder;
    private readonly string? postgresDatabase;
    private readonly string postgresAdmin;

    private PayoutBenchmarkHost(WebApplication app, DirectoryInfo folder, string? postgresDatabase, string postgresAdmin, int grpcPort, TestTokenIssuer tokens)
    {
        this.app = app;
        this.folder = folder;
        this.postgresDatabase = postgresDatabase;
        this.postgresAdmin = postgresAdmin;
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
        Tokens = tokens;
    }

    public Uri GrpcAddress { get; }

    /// <summary>This run's PostgreSQL database, null on SQLite.</summary>
    public string? PostgresDatabase => postgresDatabase;

    public TestTokenIssuer Tokens { get; }

    public IServiceProvider Services => app.Services;

    public uint PeriodId { get; private set; }

    public IReadOnlyList<long> TerminalIds { get; private set; } = [];

    public IReadOnlyList<BenchmarkCard> Cards { get; private set; } = [];

    public string Durability { get; private set; } = "";

    /// <param name="relayTo">The broker to publish the outbox to, or null to leave the relay off (events are still written).</param>
    public static async Task<PayoutBenchmarkHost> StartAsync(DbDialect dialect, string postgres, string? relayTo, bool? groupCommit, int cards, int terminals,
        TestTokenIssuer? issuer = null)
    {
        var folder = Directory.CreateTempSubdirectory("bansos-payout-bench");
        string connectionString;
        string? pgName = null;
        if (dialect == DbDialect.Postgres)
        {
            pgName = "bansos_bench_" + Guid.NewGuid().ToString("N")[..12];
            await using var admin = new NpgsqlConnection(AdminConnection(postgres));
            await admin.OpenAsync();
            await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{pgName}\"", admin))
            {
                await create.ExecuteNonQueryAsync();
            }

            // Bounded below max_connections (100): a backlog waits for a connection instead of being refused.
            // Auto-prepare as docs/payout.md recommends for production (unless the given string says otherwise).
            var pg = new NpgsqlConnectionStringBuilder(postgres) { Database = pgName, MaxPoolSize = 40 };
            if (pg.MaxAutoPrepare == 0)
            {
                pg.MaxAutoPrepare = 20;
                pg.AutoPrepareMinUsages = 2;
            }

            connectionString = pg.ToString();
        }
        else
        {
            connectionString = "Data Source=" + Path.Combine(folder.FullName, "payout.db");
        }

        var tokens = issuer ?? new TestTokenIssuer(); // the gateway benchmark passes one over the gateway's key
        var grpcPort = FreePorts.Next();
        var builder = BansosWebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = folder.FullName });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:payout"] = connectionString,
            ["Bansos:Storage:Provider"] = dialect == DbDialect.Postgres ? "postgres" : "sqlite",
            ["Bansos:Auth:Jwks"] = tokens.Jwks,
            ["Bansos:Ports:Grpc"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Bansos:Ports:Http"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Bansos:Payout:IssuerKeyFile"] = Path.Combine(folder.FullName, "issuer.key"),
            ["Bansos:Payout:EndpointPrefix"] = "payout-bench-" + Guid.NewGuid().ToString("N")[..8],
            ["Bansos:Payout:GroupCommit"] = groupCommit?.ToString(),
            // 16 terminals at thousands of payouts a second are far above the lookup limit meant for a
            // posko (30 a minute): lifted out of reach, but still checked on every BeginPayout.
            ["Bansos:Payout:BeginPayoutLimit:Burst"] = "1000000000",
            ["Bansos:Payout:BeginPayoutLimit:PerMinute"] = "1000000000",
            ["Bansos:RabbitMq:AutoDeleteQueues"] = "true",
            ["Bansos:Outbox:RelayEnabled"] = relayTo is not null ? "true" : "false",
            ["ConnectionStrings:rabbitmq"] = relayTo ?? "amqp://guest:guest@127.0.0.1:5672/",
            // What a production appsettings.json says: the service's own Information logs, not one per request.
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:MassTransit"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore.Server.Kestrel"] = Environment.GetEnvironmentVariable("BENCH_KESTREL_LOG") ?? "Warning",
        });
        builder.AddServiceDefaults("payout");
        builder.AddPayoutServices();
        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapPayoutEndpoints();
        await app.StartAsync();

        var host = new PayoutBenchmarkHost(app, folder, pgName, postgres, grpcPort, tokens);
        await host.SeedAsync(cards, terminals);
        host.Durability = await host.DescribeDurabilityAsync();
        return host;
    }

    private async Task SeedAsync(int cardCount, int terminalCount)
    {
        var actor = "benchmark";
        var points = app.Services.GetRequiredService<PointAdministration>();
        var point = await points.CreatePointAsync(actor, "Posko Benchmark", Bansos.Payout.Domain.DistributionPointKind.Posko, Village, CancellationToken.None);
        var terminals = new List<long>();
        for (var i = 0; i < terminalCount; i++)
        {
            terminals.Add((await points.RegisterTerminalAsync(actor, point.Id, $"Kasir {i + 1}", CancellationToken.None)).Id);
        }

        TerminalIds = terminals;
        var periods = app.Services.GetRequiredService<PeriodAdministration>();
        var today = Bansos.Payout.Domain.BusinessCalendar.BusinessDate(DateTimeOffset.UtcNow);
        var draft = Bansos.Payout.Domain.AidPeriodDraft.Create("BENCH-1", "SEMBAKO", Bansos.Payout.Domain.AidPeriodDraft.MaxAmount,
            Bansos.Payout.Domain.BusinessCalendar.Format(today.AddDays(-1)), Bansos.Payout.Domain.BusinessCalendar.Format(today.AddDays(1)), [Village]);
        var period = await periods.CreateAsync(actor, draft, CancellationToken.None);

        // Households and cards as the registry's events would bring them, in one transaction (set-up, not measured).
        var sessions = app.Services.GetRequiredService<IDbSessions>();
        var updater = app.Services.GetRequiredService<ProjectionUpdater>();
        var keys = app.Services.GetRequiredService<IIssuerKeyStore>();
        var cards = new List<BenchmarkCard>(cardCount);
        await sessions.WriteAsync(async session =>
        {
            cards.Clear(); // a retried unit of work starts again
            for (var i = 0; i < cardCount; i++)
            {
                var household = Guid.NewGuid();
                var number = BenchmarkCard.NumberFor(i);
                await updater.ApplyAsync(session,
                    new HouseholdRegistered(household, Village, HouseholdStatuses.Active, ["SEMBAKO"], 1, 4, 1, DateTimeOffset.UtcNow), CancellationToken.None);
                await updater.ApplyAsync(session,
                    new CardIssued(Guid.NewGuid(), number.Digits, household, null, 1, DateTimeOffset.UtcNow), CancellationToken.None);
                cards.Add(new BenchmarkCard(number, keys.DeriveCardKey(number)));
            }

            return cards.Count;
        });
        Cards = cards;
        PeriodId = (uint)(await periods.OpenAsync(actor, period.Id, CancellationToken.None)).Id;
    }

    /// <summary>Outbox rows written but not yet published (with the relay on: whether publishing keeps up).</summary>
    public async Task<long> OutboxBacklogAsync()
    {
        var database = app.Services.GetRequiredService<IDatabase>();
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NULL";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string> DescribeDurabilityAsync()
    {
        var database = app.Services.GetRequiredService<IDatabase>();
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        if (database.Dialect == DbDialect.Sqlite)
        {
            command.CommandText = "PRAGMA journal_mode";
            var journal = await command.ExecuteScalarAsync();
            command.CommandText = "PRAGMA synchronous";
            var synchronous = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            return $"SQLite journal_mode={journal}, synchronous={(synchronous == 2 ? "FULL" : synchronous.ToString(System.Globalization.CultureInfo.InvariantCulture))}";
        }

        command.CommandText = "SELECT current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') || ', wal_sync_method=' || current_setting('wal_sync_method') || ', ' || split_part(version(), ' on ', 1)";
        return "PostgreSQL fsync=" + await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(AdminConnection(postgresAdmin));
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    private static string AdminConnection(string postgres) =>
        new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres", Pooling = false }.ToString();

}
