using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Tests.Support;

/// <summary>
/// One payout host per database for the whole test run (each test builds its own village,
/// terminal and period inside it). The PostgreSQL host starts on first use, so a missing server
/// fails or skips the tests that need it, not the run.
/// </summary>
public sealed class Hosts : IAsyncDisposable
{
    private readonly Lazy<Task<PayoutHost>> sqlite = new(() => PayoutHost.StartAsync(DbDialect.Sqlite));
    private readonly Lazy<Task<PayoutHost>> postgres = new(() => PayoutHost.StartAsync(DbDialect.Postgres));
    private readonly Lazy<Task<PayoutHost>> postgresOneByOne = new(() =>
        PayoutHost.StartAsync(DbDialect.Postgres, settings: [new("Bansos:Payout:GroupCommit", "false")]));

    public Task<PayoutHost> SqliteAsync() => sqlite.Value;

    public async Task<PayoutHost> PostgresAsync()
    {
        await Bansos.Testing.RequiresServer.PostgresAsync();
        return await postgres.Value;
    }

    /// <summary>PostgreSQL with group commit off: one transaction per request (the path a conflicting batch falls back to).</summary>
    public async Task<PayoutHost> PostgresOneByOneAsync()
    {
        await Bansos.Testing.RequiresServer.PostgresAsync();
        return await postgresOneByOne.Value;
    }

    public Task<PayoutHost> GetAsync(DbDialect dialect) => dialect == DbDialect.Postgres ? PostgresAsync() : SqliteAsync();

    /// <summary>"sqlite", "postgres" (batched) or "postgres-one-by-one".</summary>
    public Task<PayoutHost> GetAsync(string variant) => variant switch
    {
        "sqlite" => SqliteAsync(),
        "postgres" => PostgresAsync(),
        "postgres-one-by-one" => PostgresOneByOneAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, null),
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var host in new[] { sqlite, postgres, postgresOneByOne })
        {
            if (host.IsValueCreated && host.Value.IsCompletedSuccessfully)
            {
                await host.Value.Result.DisposeAsync();
            }
        }
    }
}
