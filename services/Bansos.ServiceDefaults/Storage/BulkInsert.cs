using System.Data.Common;
using System.Text;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Registry.Data;

/// <summary>
/// Inserts many rows with multi-row <c>INSERT … VALUES (…), (…)</c> statements: one round trip and
/// one statement parse per chunk instead of per row, on SQLite and PostgreSQL alike. Chunks stay
/// under both providers' parameter limits (SQLite 32 766, PostgreSQL 65 535).
/// </summary>
internal sealed class MultiRowInsert(string table, params string[] columns)
{
    private const int MaxParameters = 30_000;
    private readonly Dictionary<int, string> _sqlByRowCount = [];

    public int RowsPerChunk => Math.Max(1, Math.Min(1_000, MaxParameters / columns.Length));

    public async Task ExecuteAsync(
        DbConnection connection, DbTransaction transaction, DbDialect dialect,
        IReadOnlyList<object?[]> rows, CancellationToken ct)
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
                    parameter.Value = SqlValues.Of(dialect, row[c]);
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
