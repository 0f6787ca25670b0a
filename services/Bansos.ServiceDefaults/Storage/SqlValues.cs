using System.Globalization;

namespace Bansos.ServiceDefaults.Storage;

/// <summary>
/// Values for hand-built commands (the bulk paths, which bypass Dapper): the same storage forms as
/// ServiceDefaults' Dapper handlers, so rows written here read back through Dapper.
/// </summary>
public static class SqlValues
{
    public static object Of(DbDialect dialect, object? value) => value switch
    {
        null => DBNull.Value,
        Guid guid => dialect == DbDialect.Sqlite ? guid.ToString("D") : guid,
        DateTimeOffset at => dialect == DbDialect.Sqlite
            ? DapperTypeHandlers.Normalize(at).ToString(DapperTypeHandlers.SqliteTimeFormat, CultureInfo.InvariantCulture)
            : DapperTypeHandlers.Normalize(at),
        _ => value,
    };
}
