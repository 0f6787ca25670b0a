using System.Data;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Bansos.ServiceDefaults.Storage;

/// <summary>
/// Dapper conversions that make one query text and one C# type work on both providers: times are
/// stored in UTC (SQLite: fixed-width ISO text, so text order is time order; PostgreSQL:
/// timestamptz), Guids as TEXT / uuid, string lists as JSON text / text[], <see cref="DbJson"/> as
/// TEXT / jsonb. Dapper's handlers are process-wide, so each handler looks at the parameter's
/// provider.
/// </summary>
public static class DapperTypeHandlers
{
    /// <summary>The SQLite text form of a time: UTC, seven fraction digits, sortable as text.</summary>
    public const string SqliteTimeFormat = "yyyy-MM-dd HH:mm:ss.fffffff'+00:00'";

    private static int registered;

    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1)
        {
            return;
        }

        // Dapper consults its built-in type map before handlers, so these types must leave it first.
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.RemoveTypeMap(typeof(Guid));
        SqlMapper.RemoveTypeMap(typeof(Guid?));
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        SqlMapper.AddTypeHandler(new GuidHandler());
        SqlMapper.AddTypeHandler(new DbJsonHandler());
        SqlMapper.AddTypeHandler(typeof(string[]), new StringListHandler<string[]>(list => [.. list]));
        SqlMapper.AddTypeHandler(typeof(List<string>), new StringListHandler<List<string>>(list => [.. list]));
        SqlMapper.AddTypeHandler(typeof(IReadOnlyList<string>), new StringListHandler<IReadOnlyList<string>>(list => list));
    }

    /// <summary>Time as it is stored: UTC, truncated to the microsecond (PostgreSQL's precision).</summary>
    public static DateTimeOffset Normalize(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    internal static bool IsSqlite(IDbDataParameter parameter) =>
        parameter is Microsoft.Data.Sqlite.SqliteParameter;

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            var utc = Normalize(value);
            if (IsSqlite(parameter))
            {
                parameter.DbType = DbType.String;
                parameter.Value = utc.ToString(SqliteTimeFormat, CultureInfo.InvariantCulture);
            }
            else
            {
                parameter.Value = utc;
            }
        }

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset dto => dto.ToUniversalTime(),
            DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, dt.Kind == DateTimeKind.Local ? DateTimeKind.Local : DateTimeKind.Utc)).ToUniversalTime(),
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            long unixMs => DateTimeOffset.FromUnixTimeMilliseconds(unixMs),
            _ => throw new DataException($"Cannot read a time from a {value.GetType().Name}."),
        };
    }

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            if (IsSqlite(parameter))
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString("D");
            }
            else
            {
                parameter.Value = value;
            }
        }

        public override Guid Parse(object value) => value switch
        {
            Guid guid => guid,
            string text => Guid.Parse(text),
            byte[] { Length: 16 } bytes => new Guid(bytes),
            _ => throw new DataException($"Cannot read a Guid from a {value.GetType().Name}."),
        };
    }

    private sealed class DbJsonHandler : SqlMapper.TypeHandler<DbJson>
    {
        public override void SetValue(IDbDataParameter parameter, DbJson value)
        {
            parameter.Value = value.Json;
            if (parameter is NpgsqlParameter npgsql)
            {
                npgsql.NpgsqlDbType = NpgsqlDbType.Jsonb;
            }
            else
            {
                parameter.DbType = DbType.String;
            }
        }

        public override DbJson Parse(object value) => new(value.ToString() ?? "null");
    }

    private sealed class StringListHandler<TList>(Func<IReadOnlyList<string>, TList> create) : SqlMapper.ITypeHandler
    {
        public void SetValue(IDbDataParameter parameter, object value)
        {
            var list = value as IEnumerable<string> ?? [];
            if (IsSqlite(parameter))
            {
                parameter.DbType = DbType.String;
                parameter.Value = JsonSerializer.Serialize(list.ToArray());
            }
            else
            {
                parameter.Value = list.ToArray();
                if (parameter is NpgsqlParameter npgsql)
                {
                    npgsql.NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text;
                }
            }
        }

        public object? Parse(Type destinationType, object value) => value switch
        {
            string[] array => create(array),
            string json => create(JsonSerializer.Deserialize<string[]>(json) ?? []),
            _ => throw new DataException($"Cannot read a list of strings from a {value.GetType().Name}."),
        };
    }
}
