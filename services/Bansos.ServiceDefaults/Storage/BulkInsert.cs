using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Bansos.ServiceDefaults.Storage;

/// <summary>
/// Inserts many rows in the caller's transaction, the fast way for each provider.
/// PostgreSQL: binary <c>COPY … FROM STDIN</c>, one stream for all rows. SQLite: prepared multi-row
/// <c>INSERT … VALUES (…), (…)</c> of a few hundred parameters each, executed synchronously (SQLite
/// is an in-process call; the per-statement overhead is what costs, and Microsoft.Data.Sqlite binds
/// parameters by name with a linear search, so statements stay small).
/// Values: string, int, long, bool, Guid, DateTimeOffset (stored UTC) or null.
/// </summary>
public sealed class BulkInsert(string table, params string[] columns)
{
    private const int SqliteParametersPerStatement = 240;

    private int SqliteRowsPerStatement => Math.Max(1, SqliteParametersPerStatement / columns.Length);

    public Task ExecuteAsync(
        DbConnection connection, DbTransaction transaction, DbDialect dialect,
        IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        if (dialect == DbDialect.Postgres)
        {
            return CopyAsync((NpgsqlConnection)connection, rows, ct);
        }

        ct.ThrowIfCancellationRequested();
        InsertSqlite((SqliteConnection)connection, (SqliteTransaction)transaction, rows);
        return Task.CompletedTask;
    }

    private void InsertSqlite(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<object?[]> rows)
    {
        var perStatement = SqliteRowsPerStatement;
        SqliteCommand? full = null;
        try
        {
            var start = 0;
            for (; start + perStatement <= rows.Count; start += perStatement)
            {
                full ??= Prepare(connection, transaction, perStatement);
                Bind(full, rows, start, perStatement);
                full.ExecuteNonQuery();
            }

            if (start < rows.Count)
            {
                using var rest = Prepare(connection, transaction, rows.Count - start);
                Bind(rest, rows, start, rows.Count - start);
                rest.ExecuteNonQuery();
            }
        }
        finally
        {
            full?.Dispose();
        }
    }

    private SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, int rowCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
        for (var r = 0; r < rowCount; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var name = $"@p{(r * columns.Length) + c}";
                sql.Append(c == 0 ? "" : ", ").Append(name);
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        command.Prepare();
        return command;
    }

    private void Bind(SqliteCommand command, IReadOnlyList<object?[]> rows, int start, int count)
    {
        var i = 0;
        for (var r = start; r < start + count; r++)
        {
            var row = rows[r];
            for (var c = 0; c < columns.Length; c++)
            {
                command.Parameters[i++].Value = SqlValues.Of(DbDialect.Sqlite, row[c]);
            }
        }
    }

    private async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            foreach (var value in row)
            {
                switch (value)
                {
                    case null:
                        await writer.WriteNullAsync(ct);
                        break;
                    case string text:
                        await writer.WriteAsync(text, NpgsqlDbType.Text, ct);
                        break;
                    case int number:
                        await writer.WriteAsync(number, NpgsqlDbType.Integer, ct);
                        break;
                    case long number:
                        await writer.WriteAsync(number, NpgsqlDbType.Bigint, ct);
                        break;
                    case bool flag:
                        await writer.WriteAsync(flag, NpgsqlDbType.Boolean, ct);
                        break;
                    case Guid id:
                        await writer.WriteAsync(id, NpgsqlDbType.Uuid, ct);
                        break;
                    case DateTimeOffset at:
                        await writer.WriteAsync(DapperTypeHandlers.Normalize(at), NpgsqlDbType.TimestampTz, ct);
                        break;
                    default:
                        throw new ArgumentException($"BulkInsert cannot write a {value.GetType().Name} into {table}.", nameof(rows));
                }
            }
        }

        await writer.CompleteAsync(ct);
    }
}
