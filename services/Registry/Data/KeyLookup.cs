using System.Data.Common;
using System.Text.Json;
using Bansos.ServiceDefaults.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Bansos.Registry.Data;

/// <summary>
/// Looks up many rows by a text key inside the caller's session, in one statement with one
/// parameter: PostgreSQL <c>= ANY(@keys)</c> with a text array, SQLite <c>IN (SELECT value FROM
/// json_each(@keys))</c> with a JSON array. (A long <c>IN (@k0, @k1, …)</c> list would bind its
/// parameters by a linear name search each on SQLite and grow quadratically.)
/// </summary>
internal static class KeyLookup
{
    /// <param name="select">A query whose WHERE clause ends with <c>{key column} = @key</c>; it is rewritten for the provider.</param>
    public static async Task ForEachAsync(
        DbSession session, string select, IReadOnlyCollection<string> keys, Action<DbDataReader> onRow, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            return;
        }

        await using var command = session.Connection.CreateCommand();
        command.Transaction = session.Transaction;
        if (session.Dialect == DbDialect.Postgres)
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

        // One statement with the keys as a JSON array: SQLite's json_each turns it into a table.
        command.CommandText = select.Replace("= @key", "IN (SELECT value FROM json_each(@key))", StringComparison.Ordinal);
        var parameter = command.CreateParameter();
        parameter.ParameterName = "key";
        parameter.Value = JsonSerializer.Serialize(keys);
        command.Parameters.Add(parameter);
        await using var rows = await command.ExecuteReaderAsync(ct);
        while (await rows.ReadAsync(ct))
        {
            onRow(rows);
        }
    }
}
