using System.Data.Common;
using Bansos.ServiceDefaults.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Bansos.Registry.Data;

/// <summary>
/// Looks up many rows by a text key inside the caller's transaction. PostgreSQL: one query with
/// <c>= ANY(@keys)</c> (a single array parameter). SQLite: one prepared point query per key — an
/// in-process call of a few microseconds, where a long <c>IN (…)</c> list would bind its parameters
/// by a linear name search per parameter and grow quadratically.
/// </summary>
internal static class KeyLookup
{
    /// <param name="select">A query whose WHERE clause ends with <c>{key column} = @key</c>; for PostgreSQL it is rewritten to <c>= ANY(@key)</c>.</param>
    public static async Task ForEachAsync(
        DbConnection connection, DbTransaction transaction, DbDialect dialect, string select,
        IReadOnlyCollection<string> keys, Action<DbDataReader> onRow, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (dialect == DbDialect.Postgres)
        {
            command.CommandText = select.Replace("= @key", "= ANY(@key)", StringComparison.Ordinal);
            command.Parameters.Add(new NpgsqlParameter("key", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys.ToArray() });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                onRow(reader);
            }

            return;
        }

        command.CommandText = select;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "key";
        command.Parameters.Add(parameter);
        command.Prepare();
        foreach (var key in keys)
        {
            parameter.Value = key;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                onRow(reader);
            }
        }
    }
}
