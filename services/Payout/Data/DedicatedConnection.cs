using System.Data.Common;
using Bansos.ServiceDefaults.Storage;
using Npgsql;

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
        connection ??= await OpenAsync(ct);

    /// <summary>
    /// On PostgreSQL the loops' statements take arrays, one element per request: each batch's custom plan
    /// looks cheaper than the generic one (which assumes ten elements), so under plan_cache_mode=auto the
    /// server planned every execution again — 0.6 ms of planning for a 0.14 ms read. Their generic plans
    /// are the same index lookups, so these connections always use them (docs/decisions.md D97). The
    /// setting goes when the connection goes back to the pool (Npgsql resets it).
    /// </summary>
    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var opened = await database.OpenConnectionAsync(ct);
        if (opened is NpgsqlConnection)
        {
            await using var generic = opened.CreateCommand();
            generic.CommandText = "SET plan_cache_mode = force_generic_plan";
            await generic.ExecuteNonQueryAsync(ct);
        }

        return opened;
    }

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
