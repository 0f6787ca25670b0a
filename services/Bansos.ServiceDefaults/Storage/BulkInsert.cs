using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Bansos.ServiceDefaults.Storage;

/// <summary>
/// Inserts many rows in the caller's transaction, the fast way for each provider.
/// PostgreSQL: binary <c>COPY … FROM STDIN</c>, one stream for all rows. SQLite: one prepared
/// single-row <c>INSERT</c> stepped once per row through SQLitePCLRaw, binding by index and from
/// UTF-8 bytes. Microsoft.Data.Sqlite's own commands look every parameter up by name on every
/// execution and convert every string anew; for the registry import that bookkeeping cost five
/// times more than SQLite's actual inserts (docs/performance.md).
/// Values: string, int, long, bool, Guid, DateTimeOffset (stored UTC) or null.
/// </summary>
public sealed class BulkInsert(string table, params string[] columns)
{
    private readonly string sqliteSql =
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})";

    /// <summary>Inserts <paramref name="rows"/> in the session's transaction.</summary>
    public Task ExecuteAsync(DbSession session, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        return ExecuteAsync(session.Connection, session.Transaction, session.Dialect, rows, ct);
    }

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
        if (((SqliteTransaction)transaction).Connection != connection)
        {
            throw new ArgumentException("The transaction belongs to another connection.", nameof(transaction));
        }

        InsertSqlite((SqliteConnection)connection, rows);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs inside the transaction the caller began on this connection (SQLite has one per
    /// connection), so a failure part-way leaves the rows to the caller's rollback, as before.
    /// </summary>
    private void InsertSqlite(SqliteConnection connection, IReadOnlyList<object?[]> rows)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(raw.sqlite3_prepare_v2(db, sqliteSql, out var statement), db);
        using (statement)
        {
            Span<byte> utf8 = stackalloc byte[512];
            foreach (var row in rows)
            {
                if (row.Length != columns.Length)
                {
                    throw new ArgumentException($"A row for {table} has {row.Length} values, not {columns.Length}.", nameof(rows));
                }

                for (var c = 0; c < columns.Length; c++)
                {
                    Check(Bind(statement, c + 1, row[c], utf8), db);
                }

                var rc = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (rc != raw.SQLITE_DONE)
                {
                    Check(rc, db);
                }
            }
        }
    }

    private int Bind(sqlite3_stmt statement, int index, object? value, Span<byte> buffer)
    {
        switch (value)
        {
            case null:
                return raw.sqlite3_bind_null(statement, index);
            case string text:
                return BindText(statement, index, text, buffer);
            case int number:
                return raw.sqlite3_bind_int64(statement, index, number);
            case long number:
                return raw.sqlite3_bind_int64(statement, index, number);
            case bool flag:
                return raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0);
            case Guid id:
                // The "D" text form, as Dapper's handler writes it.
                id.TryFormat(buffer, out var guidLength, "D");
                return raw.sqlite3_bind_text(statement, index, buffer[..guidLength]);
            case DateTimeOffset at:
                DapperTypeHandlers.Normalize(at).TryFormat(buffer, out var atLength, DapperTypeHandlers.SqliteTimeFormat, CultureInfo.InvariantCulture);
                return raw.sqlite3_bind_text(statement, index, buffer[..atLength]);
            default:
                throw new ArgumentException($"BulkInsert cannot write a {value.GetType().Name} into {table}.", nameof(value));
        }
    }

    private static int BindText(sqlite3_stmt statement, int index, string text, Span<byte> buffer)
    {
        // SQLitePCLRaw binds spans as SQLITE_TRANSIENT (SQLite copies them), so one buffer serves every value.
        if (Encoding.UTF8.GetMaxByteCount(text.Length) <= buffer.Length)
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            return raw.sqlite3_bind_text(statement, index, buffer[..length]);
        }

        return raw.sqlite3_bind_text(statement, index, Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Turns an SQLite result code into the SqliteException Microsoft.Data.Sqlite would throw (codes included).</summary>
    private static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
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
