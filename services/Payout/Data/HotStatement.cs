using System.Data.Common;
using System.Runtime.CompilerServices;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Data;

/// <summary>
/// A statement of the payout path compiled once per connection and run again with new values.
/// Microsoft.Data.Sqlite keeps a compiled statement only as long as its command object, and
/// compiling the authorization read costs more than running it; Dapper makes a new command each
/// call. The cache lives as long as the connection object (the group-commit writer and the read
/// pool keep theirs open), so nothing outlives what it was compiled for.
/// </summary>
public sealed class HotStatement(string sql, params string[] parameterNames)
{
    private readonly ConditionalWeakTable<DbConnection, DbCommand> commands = new();

    public int IndexOf(string name) => Array.IndexOf(parameterNames, name);

    /// <summary>The session connection's command for this statement, in its transaction; set every parameter before running it.</summary>
    public DbCommand For(DbSession session)
    {
        var command = CommandOf(session.Connection);
        command.Transaction = session.Transaction;
        return command;
    }

    /// <summary>The command for a read outside any transaction (BeginPayout's, on a pooled read connection).</summary>
    public DbCommand For(DbConnection connection)
    {
        var command = CommandOf(connection);
        command.Transaction = null;
        return command;
    }

    private DbCommand CommandOf(DbConnection connection)
    {
        if (!commands.TryGetValue(connection, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameterNames)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            commands.AddOrUpdate(connection, command);
        }

        return command;
    }
}
