using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Data;

/// <summary>
/// Open connections kept for the payout path's reads (BeginPayout), so their compiled
/// <see cref="HotStatement"/>s survive between requests on SQLite, where reads run beside the one
/// writer (WAL). On PostgreSQL every rent is a fresh connection from the data source's pool
/// (server-side preparation is Npgsql's business: Max Auto Prepare).
/// </summary>
public sealed class ReadConnections(IDatabase database) : IAsyncDisposable
{
    private const int MaxIdle = 32;

    private readonly ConcurrentBag<DbConnection> idle = [];

    public async ValueTask<DbConnection> RentAsync(CancellationToken ct) =>
        database.Dialect == DbDialect.Sqlite && idle.TryTake(out var connection) ? connection : await database.OpenConnectionAsync(ct);

    /// <summary>Keeps a healthy SQLite connection for the next read; anything else is closed.</summary>
    public async ValueTask ReturnAsync(DbConnection connection, bool healthy)
    {
        if (healthy && database.Dialect == DbDialect.Sqlite && connection.State == ConnectionState.Open && idle.Count < MaxIdle)
        {
            idle.Add(connection);
            return;
        }

        await connection.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        while (idle.TryTake(out var connection))
        {
            await connection.DisposeAsync();
        }
    }
}
