using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Dapper;

namespace Bansos.Reliability.Tests.Support;

/// <summary>
/// The registry and the payout service of one test, as real processes: each its own database
/// (SQLite or PostgreSQL), both on one broker virtual host, the pilot seeded (707 households with a
/// card each, period SEMBAKO-2021-11, a terminal per village). Started one by one, in the order the
/// test wants.
/// </summary>
public sealed class PilotSystem : IAsyncDisposable
{
    public const int PilotHouseholds = 707;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "bansos-reliability", Guid.NewGuid().ToString("N")[..12]);

    private PilotSystem(TestDatabase registryDb, TestDatabase payoutDb, string brokerUri)
    {
        RegistryDb = registryDb;
        PayoutDb = payoutDb;
        BrokerUri = brokerUri;
        Directory.CreateDirectory(folder);
    }

    public TestDatabase RegistryDb { get; }

    public TestDatabase PayoutDb { get; }

    public string BrokerUri { get; }

    public string Folder => folder;

    public string IssuerKeyFile => Path.Combine(folder, "payout-issuer.key");

    public ServiceProcess? Registry { get; private set; }

    public ServiceProcess? Payout { get; private set; }

    public static async Task<PilotSystem> CreateAsync(DbDialect dialect, string brokerUri) =>
        new(await TestDatabases.CreateAsync(dialect), await TestDatabases.CreateAsync(dialect), brokerUri);

    public async Task<ServiceProcess> StartRegistryAsync(IReadOnlyDictionary<string, string>? extra = null) =>
        Registry = await ServiceProcess.StartAsync("registry", Settings("registry", RegistryDb, extra, new()
        {
            ["Bansos__Registry__TempDirectory"] = Path.Combine(folder, "spool"),
        }), folder);

    public async Task<ServiceProcess> StartPayoutAsync(IReadOnlyDictionary<string, string>? extra = null) =>
        Payout = await ServiceProcess.StartAsync("payout", Settings("payout", PayoutDb, extra, new()
        {
            ["Bansos__Payout__IssuerKeyFile"] = IssuerKeyFile,
            // The crash test's terminals look up hundreds of cards in seconds: not what the
            // per-terminal lookup limit is about (payout.md), so it is lifted here.
            ["Bansos__Payout__BeginPayoutLimit__Burst"] = "1000000",
            ["Bansos__Payout__BeginPayoutLimit__PerMinute"] = "1000000",
        }), folder);

    /// <summary>Waits, bounded, until <paramref name="condition"/> holds; fails with <paramref name="what"/> and the logs' names otherwise.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Not within {timeout}: {what}. Logs: {folder}");
            }

            await Task.Delay(250);
        }
    }

    public static async Task<long> ScalarAsync(TestDatabase database, string sql, object? parameters = null)
    {
        await using var connection = await database.Database.OpenConnectionAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    public static async Task<IReadOnlyList<T>> QueryAsync<T>(TestDatabase database, string sql, object? parameters = null)
    {
        await using var connection = await database.Database.OpenConnectionAsync(CancellationToken.None);
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    /// <summary>Payout's projection holds every pilot card and an entitlement for every pilot household.</summary>
    public async Task<bool> PayoutHasPilotAsync() =>
        await ScalarAsync(PayoutDb, "SELECT COUNT(*) FROM cards") >= PilotHouseholds &&
        await ScalarAsync(PayoutDb, "SELECT COUNT(*) FROM entitlements") >= PilotHouseholds;

    public async ValueTask DisposeAsync()
    {
        if (Registry is not null)
        {
            await Registry.DisposeAsync();
        }

        if (Payout is not null)
        {
            await Payout.DisposeAsync();
        }

        await RegistryDb.DisposeAsync();
        await PayoutDb.DisposeAsync();
        if (Environment.GetEnvironmentVariable("BANSOS_KEEP_LOGS") is not "1")
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private Dictionary<string, string> Settings(
        string service, TestDatabase database, IReadOnlyDictionary<string, string>? extra, Dictionary<string, string> own)
    {
        var settings = new Dictionary<string, string>
        {
            [$"ConnectionStrings__{service}"] = database.ConnectionString,
            ["Bansos__Storage__Provider"] = database.Dialect == DbDialect.Postgres ? "postgres" : "sqlite",
            ["ConnectionStrings__rabbitmq"] = BrokerUri,
            ["Bansos__DataDir"] = folder,
            ["Bansos__Pilot__Seed"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Bansos"] = "Information",
            ["Logging__LogLevel__MassTransit"] = "Warning",
        };
        foreach (var (key, value) in own)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
