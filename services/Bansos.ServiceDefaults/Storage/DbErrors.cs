using Microsoft.Data.Sqlite;
using Npgsql;

namespace Bansos.ServiceDefaults.Storage;

/// <summary>Provider errors that callers handle on purpose, recognised once for both providers.</summary>
public static class DbErrors
{
    /// <summary>A UNIQUE or PRIMARY KEY constraint refused the write (SQLite 19/2067/1555, PostgreSQL 23505).</summary>
    public static bool IsUniqueViolation(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 &&
            sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
