using Bansos.ServiceDefaults.Codes;
using System.Data.Common;
using System.Globalization;
using Bansos.Payout.Domain;
using Bansos.ServiceDefaults.Storage;
using Microsoft.Data.Sqlite;

namespace Bansos.Payout.Data;

/// <summary>
/// Parameter values and column reads for <see cref="HotStatement"/>s, the same conversions
/// ServiceDefaults' Dapper handlers make: Guids as TEXT on SQLite and uuid on PostgreSQL, times as
/// SQLite's fixed-width UTC text or timestamptz — and the hot reads' rows as the domain's types (both
/// dialects' SQL select the same columns in the same order).
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

    public static DateOnly? ReadDate(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal)
        ? null
        : DateOnly.ParseExact(reader.GetString(ordinal), BusinessCalendar.DateFormat, CultureInfo.InvariantCulture);

    private static Guid RequiredGuid(DbDataReader reader, int ordinal) =>
        ReadGuid(reader, ordinal) ?? throw new InvalidOperationException($"Column {ordinal} is NOT NULL in the schema.");

    private static DateOnly RequiredDate(DbDataReader reader, int ordinal) =>
        ReadDate(reader, ordinal) ?? throw new InvalidOperationException($"Column {ordinal} is NOT NULL in the schema.");

    /// <summary>
    /// BeginPayout's columns starting at <paramref name="first"/> (the batched read puts the request's ordinal before them):
    /// terminal status, card id, household id, card status, replaced by, household status, village, entitlement id,
    /// period id, code, programme, amount, balance, start and end date.
    /// </summary>
    public static CardView ReadCardView(DbDataReader reader, int first) => new()
    {
        TerminalStatus = TerminalStatusCodes.Map.Parse(reader.GetString(first)),
        CardId = ReadGuid(reader, first + 1),
        HouseholdId = ReadGuid(reader, first + 2),
        CardStatus = ReadText(reader, first + 3),
        ReplacedBy = ReadGuid(reader, first + 4),
        HouseholdStatus = ReadText(reader, first + 5),
        HouseholdVillage = ReadText(reader, first + 6),
        EntitlementId = ReadLong(reader, first + 7),
        PeriodId = ReadLong(reader, first + 8),
        PeriodCode = ReadText(reader, first + 9),
        Programme = ReadText(reader, first + 10),
        Amount = ReadLong(reader, first + 11),
        Balance = ReadLong(reader, first + 12),
        StartDate = ReadDate(reader, first + 13),
        EndDate = ReadDate(reader, first + 14),
    };

    /// <summary>
    /// An authorization's columns starting at <paramref name="first"/>; null when the terminal column is (not enrolled):
    /// terminal status and village, existing payout id, challenge uses, card id, status, household id, replaced by,
    /// highest verified ATC, household status and village, entitlement id, amount, balance, period code, programme,
    /// status, start and end date.
    /// </summary>
    public static AuthorizationSnapshot? ReadSnapshot(DbDataReader reader, int first, long periodId)
    {
        if (reader.IsDBNull(first))
        {
            return null;
        }

        var card = ReadGuid(reader, first + 4) is { } cardId
            ? new CardFacts(cardId, RequiredGuid(reader, first + 6), CardStatusCodes.Read(reader.GetString(first + 5)), !reader.IsDBNull(first + 7))
            : null;
        var entitlement = ReadLong(reader, first + 11) is { } entitlementId
            ? new EntitlementFacts(entitlementId, periodId, reader.GetString(first + 14), reader.GetString(first + 15),
                AidPeriodStatusCodes.Map.Parse(reader.GetString(first + 16)), RequiredDate(reader, first + 17),
                RequiredDate(reader, first + 18), reader.GetInt64(first + 12), reader.GetInt64(first + 13))
            : null;
        return new AuthorizationSnapshot(
            TerminalStatusCodes.Map.Parse(reader.GetString(first)),
            reader.GetString(first + 1),
            ReadGuid(reader, first + 2),
            (ReadLong(reader, first + 3) ?? 0) > 0,
            ReadLong(reader, first + 8) is { } atc ? (int)atc : null,
            card,
            card is null ? null : new HouseholdFacts(card.HouseholdId, ReadText(reader, first + 10), HouseholdStatusCodes.Read(ReadText(reader, first + 9)), []),
            entitlement);
    }
}
