using System.Data;
using System.Data.Common;

namespace Bansos.ServiceDefaults.Storage;

public static class DatabaseExtensions
{
    /// <summary><see cref="IDatabase.InTransactionAsync{T}"/> for work without a result.</summary>
    public static Task InTransactionAsync(
        this IDatabase database,
        Func<DbConnection, DbTransaction, Task> work,
        IsolationLevel? isolationLevel = null,
        CancellationToken ct = default) =>
        database.InTransactionAsync<bool>(async (connection, transaction) =>
        {
            await work(connection, transaction);
            return true;
        }, isolationLevel, ct);
}
