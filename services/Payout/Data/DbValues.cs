using System.Data.Common;
using System.Globalization;
using Bansos.ServiceDefaults.Storage;
using Microsoft.Data.Sqlite;

namespace Bansos.Payout.Data;

/// <summary>
/// Parameter values and column reads for <see cref="HotStatement"/>s, the same conversions
/// ServiceDefaults' Dapper handlers make: Guids as TEXT on SQLite and uuid on PostgreSQL, times as
/// SQLite's fixed-width UTC text or timestamptz.
/// </summary>
public static class DbValues
{
    public static void Set(DbCommand command, int index, object? value) => command.Parameters[index].Value = value ?? DBNull.Value;

    public static object Guid(DbConnection connection, Guid? value) =>
        value is not { } guid ? DBNull.Value : connection is SqliteConnection ? guid.ToString("D") : guid;

    public static object Time(DbConnection connection, DateTimeOffset value)
    {
        var utc = DapperTypeHandlers.Normalize(value);
        return connection is SqliteConnection ? utc.ToString(DapperTypeHandlers.SqliteTimeFormat, CultureInfo.InvariantCulture) : utc;
    }

    public static Guid? ReadGuid(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal)
        ? null
        : reader.GetValue(ordinal) switch
        {
            Guid guid => guid,
            string text => System.Guid.Parse(text),
            var other => throw new InvalidCastException($"Cannot read a Guid from a {other.GetType().Name}."),
        };

    public static long? ReadLong(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static string? ReadText(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
