using System.Data.Common;
using System.Runtime.CompilerServices;

namespace Bansos.ServiceDefaults.Storage;

/// <summary>
/// Work to do once a transaction has committed (e.g. wake the outbox relay). Runs only for
/// transactions that <see cref="IDatabase.InTransactionAsync{T}"/> commits; others rely on polling.
/// </summary>
public static class TransactionCallbacks
{
    private static readonly ConditionalWeakTable<DbTransaction, List<Action>> Callbacks = new();

    public static void OnCommitted(this DbTransaction transaction, Action callback)
    {
        var list = Callbacks.GetOrCreateValue(transaction);
        lock (list)
        {
            list.Add(callback);
        }
    }

    internal static void RunCommitted(DbTransaction transaction)
    {
        if (!Callbacks.TryGetValue(transaction, out var list))
        {
            return;
        }

        Callbacks.Remove(transaction);
        Action[] callbacks;
        lock (list)
        {
            callbacks = [.. list];
        }

        foreach (var callback in callbacks)
        {
            callback();
        }
    }

    internal static void Forget(DbTransaction transaction) => Callbacks.Remove(transaction);
}
