using System.Data.Common;
using System.Text;

namespace Bansos.ServiceDefaults.Storage;

/// <summary>
/// Inserts many rows in the caller's transaction, the fast way for each provider. SQLite: one prepared
/// single-row statement executed per row (an in-process library call; SQLite looks parameters up by
/// name linearly, so wide multi-row statements get quadratically slower). PostgreSQL: multi-row
/// <c>INSERT … VALUES (…), (…)</c> in chunks, one round trip per chunk instead of per row.
/// </summary>
public sealed class BulkInsert(string table, params string[] columns)
{
    private const int PostgresMaxParameters = 16_000;
    private readonly Dictionary<int, string> _sqlByRowCount = [];

    private int RowsPerChunk => Math.Max(1, Math.Min(1_000, PostgresMaxParameters / columns.Length));

    public Task ExecuteAsync(
        DbConnection connection, DbTransaction transaction, DbDialect dialect,
        IReadOnlyList<object?[]> rows, CancellationToken ct) =>
        rows.Count == 0 ? Task.CompletedTask
        : dialect == DbDialect.Sqlite ? PerRowAsync(connection, transaction, rows, ct)
        : ChunkedAsync(connection, transaction, rows, ct);

    private async Task PerRowAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql(1);
        var parameters = new DbParameter[columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            parameters[c] = command.CreateParameter();
            parameters[c].ParameterName = $"p{c}";
            command.Parameters.Add(parameters[c]);
        }

        command.Prepare();
        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                parameters[c].Value = SqlValues.Of(DbDialect.Sqlite, row[c]);
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task ChunkedAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        for (var start = 0; start < rows.Count; start += RowsPerChunk)
        {
            var count = Math.Min(RowsPerChunk, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Sql(count);
            for (var r = 0; r < count; r++)
            {
                var row = rows[start + r];
                for (var c = 0; c < columns.Length; c++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = $"p{(r * columns.Length) + c}";
                    parameter.Value = SqlValues.Of(DbDialect.Postgres, row[c]);
                    command.Parameters.Add(parameter);
                }
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private string Sql(int rowCount)
    {
        lock (_sqlByRowCount)
        {
            if (_sqlByRowCount.TryGetValue(rowCount, out var cached))
            {
                return cached;
            }

            var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
            for (var r = 0; r < rowCount; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++)
                {
                    sql.Append(c == 0 ? "@p" : ", @p").Append((r * columns.Length) + c);
                }

                sql.Append(')');
            }

            var text = sql.ToString();
            _sqlByRowCount[rowCount] = text;
            return text;
        }
    }
}
