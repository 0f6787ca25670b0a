using System.Data.Common;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Data;

/// <summary>
/// One connection kept open by a batching loop. On PostgreSQL, renting from the pool per batch would
/// make Npgsql prepend its connection reset (several statements the server runs) to the first query
/// of every batch, and statements auto-prepared on a kept connection stay prepared; on SQLite the
/// statements compiled on it (<see cref="HotStatement"/>) serve every batch. Used by one loop at a
/// time, never concurrently; dropped after an error that may have broken it and opened again on the next use.
/// </summary>
public sealed class DedicatedConnection(IDatabase database) : IAsyncDisposable
{
    private DbConnection? connection;

    public async ValueTask<DbConnection> GetAsync(CancellationToken ct = default) =>
        connection ??= await database.OpenConnectionAsync(ct);

    public async ValueTask DropAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
            connection = null;
        }
    }

    public ValueTask DisposeAsync() => DropAsync();
}
