using Bansos.ServiceDefaults.Storage;
using Npgsql;

namespace Bansos.Payout.Data;

/// <summary>
/// One PostgreSQL connection kept open by a batching loop. Renting from the pool per batch would
/// make Npgsql prepend its connection reset (several statements the server runs) to the first
/// query of every batch; kept open, the server does only the batch's own work, and statements
/// auto-prepared on it stay prepared. Used by one loop at a time, never concurrently; dropped after
/// any error (it may be broken) and opened again on the next use.
/// </summary>
public sealed class DedicatedConnection(IDatabase database) : IAsyncDisposable
{
    private NpgsqlConnection? connection;

    public async ValueTask<NpgsqlConnection> GetAsync(CancellationToken ct = default) =>
        connection ??= (NpgsqlConnection)await database.OpenConnectionAsync(ct);

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
