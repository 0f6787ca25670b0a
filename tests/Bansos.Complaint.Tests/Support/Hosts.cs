using Bansos.ServiceDefaults.Storage;

namespace Bansos.Complaint.Tests.Support;

/// <summary>
/// One complaint host per database for the run (no broker), shared by tests that keep to their own
/// tickets. The PostgreSQL host starts on first use, so a missing server fails or skips only the tests that need it.
/// </summary>
public sealed class Hosts : IAsyncDisposable
{
    private readonly Lazy<Task<ComplaintHost>> sqlite = new(() => ComplaintHost.StartAsync(DbDialect.Sqlite));
    private readonly Lazy<Task<ComplaintHost>> postgres = new(() => ComplaintHost.StartAsync(DbDialect.Postgres));

    public async Task<ComplaintHost> GetAsync(DbDialect dialect)
    {
        if (dialect == DbDialect.Postgres)
        {
            await Bansos.Testing.RequiresServer.PostgresAsync();
            return await postgres.Value;
        }

        return await sqlite.Value;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in new[] { sqlite, postgres })
        {
            if (host.IsValueCreated && host.Value.IsCompletedSuccessfully)
            {
                await host.Value.Result.DisposeAsync();
            }
        }
    }
}
