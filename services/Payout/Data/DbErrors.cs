using Microsoft.Data.Sqlite;
using Npgsql;

namespace Bansos.Payout.Data;

/// <summary>Recognises the database errors the payout path reacts to, on both providers.</summary>
public static class DbErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>
    /// A unique index refused a row: another transaction used the same idempotency key, challenge
    /// or (card, ATC) first. Running the work again reads that row and answers accordingly.
    /// </summary>
    public static bool IsUniqueViolation(Exception exception) => exception switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint &&
                                  sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        _ => false,
    };
}
